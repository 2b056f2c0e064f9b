import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

/** One structured line per request, written when the response has been sent (or the client went away). */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, path: string): void {
  const started = process.hrtime.bigint();
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    logger.info('request', {
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
      aborted: res.writableFinished ? undefined : true,
      remote: req.socket.remoteAddress,
      userAgent: req.headers['user-agent'],
    });
  };
  res.once('finish', done);
  res.once('close', done);
}
