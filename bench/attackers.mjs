// The hostile side of `pnpm bench`'s "under attack" scenario, in a process of
// its own so that making and sending its requests does not slow the probes:
//   node bench/attackers.mjs <base-url> <node-id> <seconds> <rate> <max-body-bytes>
// Sends each kind of hostile request at <rate> per second for <seconds>, each
// as large as the server's body limit lets it be, then prints what was sent
// and how it was answered, as JSON.
import autocannon from 'autocannon';

const [base, nodeId, seconds, rate, maxBody] = process.argv.slice(2);
// Room for the rest of each body; a larger one would only be refused unread (413).
const room = Number(maxBody) - 200;

const post = (body) => ({
  url: `${base}/graphql`,
  method: 'POST',
  headers: { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json' },
  connections: 2,
  overallRate: Number(rate),
  duration: Number(seconds),
  body,
});

const ids = JSON.stringify(Array.from({ length: Math.floor(room / (nodeId.length + 3)) }, () => nodeId));
const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: nodes(ids: $ids) { id }`).join(' ');
const pad = 'p'.repeat(room - 20);
let n = 0;
const kinds = {
  // One 20,000-letter word, sent as a variable so no token limit sees it.
  search: post(JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: 'a'.repeat(20_000) } })),
  // As many copies of one id as the body limit allows, in five aliases.
  ids: post(`{"query":"query($ids: [ID!]!) { ${aliases} }","variables":{"ids":${ids}}}`),
  // A unique variable the query does not use, as long as the body limit allows, on every request.
  padded: {
    ...post(undefined),
    requests: [{ setupRequest: (req) => ({ ...req, body: `{"query":"{__typename}","variables":{"pad":"${n++}-${pad}"}}` }) }],
  },
};

const results = await Promise.all(Object.entries(kinds).map(async ([kind, options]) => [kind, await autocannon(options)]));
const summary = Object.fromEntries(
  results.map(([kind, r]) => [kind, { sent: r.requests.total, ok: r['2xx'], refused: r['4xx'], failed: r['5xx'] + r.errors + r.timeouts }]),
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
