import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface Received {
  readonly id: string;
  readonly type: string;
  readonly slug: string;
  readonly payload: {
    type: string;
    timestamp: string;
    data: { slug: string; contentHash: string; version: string; entity: Record<string, unknown> } & Record<string, unknown>;
  };
  /** What the receiver answered (or "dropped"). */
  readonly answer: number | 'dropped';
}

/** What the receiver does with the n-th request (1-based): answer (with a body of its choosing), wait, or drop the connection. */
export type Behaviour = (n: number) => { status: number; headers?: Record<string, string>; delayMs?: number; body?: string } | 'drop';

/**
 * A webhook receiver on 127.0.0.1 that verifies every signature with the
 * standardwebhooks package (401 when it does not verify) and records what it
 * received. Started and stopped by the test that uses it.
 */
export async function startReceiver(secret: string, behave: Behaviour = () => ({ status: 204 })) {
  const verifier = new Webhook(secret);
  const received: Received[] = [];
  const rejected: string[] = [];
  let n = 0;
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      let payload: Received['payload'];
      try {
        payload = verifier.verify(body, req.headers as Record<string, string>) as Received['payload'];
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(401).end('bad signature');
        return;
      }
      const id = String(req.headers['webhook-id']);
      const action = behave(++n);
      const record = (answer: Received['answer']) => received.push({ id, type: payload.type, slug: payload.data.slug, payload, answer });
      if (action === 'drop') {
        record('dropped');
        req.socket.destroy();
        return;
      }
      setTimeout(() => {
        record(action.status);
        res.writeHead(action.status, action.headers).end(action.body ?? (action.status >= 400 ? `refused with ${action.status}` : ''));
      }, action.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/altitude`,
    received,
    rejected,
    /** Deliveries the receiver acknowledged with a 2xx. */
    accepted: () => received.filter((r) => typeof r.answer === 'number' && r.answer < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
