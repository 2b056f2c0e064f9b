// The two comparison servers of `pnpm bench`, each run in its own process:
//   node bench/servers.mjs raw <port> <body-file> <etag>   node:http answering every request with the same bytes
//   node bench/servers.mjs yoga <port>              graphql-yoga with Altitude's schema and no plugins of ours
// (Altitude itself is started with its own CLI.)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, schema } from '@altitude/schema';
import { createYoga } from 'graphql-yoga';

const [mode, port, bodyFile, etag] = process.argv.slice(2);

async function handler() {
  if (mode === 'raw') {
    // The practical limit: precomputed bytes, one header lookup for revalidation.
    // The bytes and the ETag Altitude sent for them.
    const body = readFileSync(bodyFile);
    const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length), etag };
    return (req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else if (req.method === 'POST') req.resume().on('end', () => res.writeHead(200, headers).end(body));
      else res.writeHead(200, headers).end(body);
    };
  }
  if (mode === 'yoga') {
    const framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
    return createYoga({ schema, context: () => ({ framework }), logging: false, landingPage: false, graphiql: false });
  }
  throw new Error(`unknown server ${mode}; use raw or yoga`);
}

const server = createServer(await handler());
server.keepAliveTimeout = 5_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
