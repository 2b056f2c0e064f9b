import type { IncomingMessage } from 'node:http';
import { GraphqlHttpError } from './graphql-errors.js';

/** The request body, refused with 413 beyond `limit` bytes (checked on Content-Length first, then as it streams). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new GraphqlHttpError(
      413,
      `The request body is larger than ${limit} bytes, the limit of this server (ALTITUDE_MAX_BODY_BYTES). Send a smaller query.`,
      'PAYLOAD_TOO_LARGE',
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
