import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger.js';

/**
 * Where the last response handed to each socket ended, in bytes written to
 * it: pipelined requests share a socket, and their responses follow one
 * another on it in order.
 */
const lastEnd = new WeakMap<Socket, number>();

/** One structured line per request, written when the response has been sent (or the client went away). */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, path: string): void {
  const started = performance.now();
  const { socket } = req;
  const arrived = socket.bytesWritten;
  // What went out on the socket for this response, headers included: the
  // response itself cannot say, as headers given to writeHead are not kept.
  const sentSoFar = () => socket.bytesWritten - Math.max(arrived, lastEnd.get(socket) ?? 0);
  let bytes: number | undefined;
  // 'prefinish': the whole response is on the socket, and a pipelined
  // successor not yet (it is handed the socket on 'finish').
  res.on('prefinish', () => {
    bytes = sentSoFar();
    lastEnd.set(socket, socket.bytesWritten);
  });
  // A response emits 'close' once, after 'finish' when it was sent in full and
  // alone when the client went away first: one plain listener covers both.
  res.on('close', () => {
    // Laid out by hand: the request log was a sixth of what a cached answer
    // costs the server, and stringifying a fresh object much of that. Numbers
    // need no escaping; every string a client controls goes through JSON.stringify.
    const userAgent = req.headers['user-agent'];
    const remote = socket.remoteAddress;
    logger.logMembers(
      'info',
      'request',
      `"method":${JSON.stringify(req.method ?? '')},"path":${JSON.stringify(path)},"status":${res.statusCode},` +
        `"durationMs":${Math.round((performance.now() - started) * 100) / 100},"bytes":${bytes ?? sentSoFar()}` +
        `${res.writableFinished ? '' : ',"aborted":true'}` +
        `${remote === undefined ? '' : `,"remote":${JSON.stringify(remote)}`}` +
        `${userAgent === undefined ? '' : `,"userAgent":${JSON.stringify(userAgent)}`}`,
    );
  });
}
