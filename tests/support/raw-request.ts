import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The bytes as sent: not decompressed. */
  readonly body: Buffer;
}

/**
 * An HTTP request sent exactly as written, on a connection of its own:
 * without fetch's URL normalising and automatic decompression, so a test sees
 * what the server was really asked and really answered. One that hangs fails
 * after 5 s, naming itself.
 */
export function rawRequest(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`no answer within 5 s to ${method} ${path} ${JSON.stringify(headers)}`)));
    req.end(body);
  });
}
