import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger.js';

/** One structured line per request, written when the response has been sent (or the client went away). */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, path: string): void {
  const started = performance.now();
  // What went out on the socket for this response, headers included: the
  // response itself cannot say, as headers given to writeHead are not kept.
  const { socket } = req;
  const written = socket.bytesWritten;
  // A response emits 'close' once, after 'finish' when it was sent in full and
  // alone when the client went away first: one plain listener covers both.
  res.on('close', () => {
    logger.info('request', {
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      bytes: socket.bytesWritten - written,
      aborted: res.writableFinished ? undefined : true,
      remote: socket.remoteAddress,
      userAgent: req.headers['user-agent'],
    });
  });
}
