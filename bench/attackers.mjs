// The hostile side of `pnpm bench`'s "under attack" scenario, in a process of
// its own so that making and sending its requests does not slow the probes:
//   node bench/attackers.mjs <base-url> <node-id> <seconds> <rate> <max-body-bytes> <steady|burst> [kinds]
// Sends each kind of hostile request at <rate> per second for <seconds>, each
// as large as the server's body limit lets it be, then prints what was sent
// and how it was answered, as JSON. `steady` spreads each kind's requests
// evenly over the second; `burst` sends each second's requests at once at its
// start, as a load tool's rate limit does (autocannon's overallRate).
// `kinds`: a comma-separated subset of search, ids, padded (all by default).
import { Agent, request } from 'node:http';

const [base, nodeId, seconds, rateArg, maxBody, pacing, only] = process.argv.slice(2);
const rate = Number(rateArg);
if (pacing !== 'steady' && pacing !== 'burst') throw new Error(`pacing must be steady or burst, not ${pacing}`);
// Room for the rest of each body; a larger one would only be refused unread (413).
const room = Number(maxBody) - 200;

const ids = JSON.stringify(Array.from({ length: Math.floor(room / (nodeId.length + 3)) }, () => nodeId));
const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: nodes(ids: $ids) { id }`).join(' ');
const pad = 'p'.repeat(room - 20);
let n = 0;
/** Each kind's next body. */
const kinds = {
  // One 20,000-letter word, sent as a variable so no token limit sees it.
  search: () =>
    JSON.stringify({ query: 'query($t: String!) { search(text: $t) { edges { node { score } } } }', variables: { t: 'a'.repeat(20_000) } }),
  // As many copies of one id as the body limit allows, in five aliases.
  ids: () => `{"query":"query($ids: [ID!]!) { ${aliases} }","variables":{"ids":${ids}}}`,
  // A unique variable the query does not use, as long as the body limit allows, on every request.
  padded: () => `{"query":"{__typename}","variables":{"pad":"${n++}-${pad}"}}`,
};
/**
 * What each kind's answer must show, so that the attack tests the bound it
 * means to: a query the schema no longer accepts would be refused by
 * validation before ever reaching the search (as happened once search became
 * a connection).
 */
const expected = {
  search: (answer) => answer.errors?.some((e) => e.extensions?.argument === 'text'),
  ids: (answer) => answer.errors?.some((e) => e.extensions?.argument === 'ids'),
  padded: (answer) => answer.data?.__typename === 'Query',
};
const chosen = only ? only.split(',') : Object.keys(kinds);
for (const kind of chosen) if (!(kind in kinds)) throw new Error(`unknown kind ${kind}; use ${Object.keys(kinds).join(', ')}`);

const { hostname, port } = new URL(base);
/** Sends one body on one of the kind's two kept-alive connections; resolves with the status (0 when the request failed) and, when asked, the answer's text. */
const send = (agent, body, read = false) =>
  new Promise((resolve) => {
    const req = request(
      {
        hostname,
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          accept: 'application/graphql-response+json, application/json',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        if (read) res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
        else res.resume();
        res.on('end', () => resolve(read ? { status: res.statusCode ?? 0, text } : (res.statusCode ?? 0)));
      },
    );
    req.on('error', () => resolve(0)).end(body);
  });

/** Sends one request of the kind and checks its answer (see expected), before the attack starts. */
async function check(kind) {
  const agent = new Agent({ keepAlive: false });
  const { status, text } = await send(agent, kinds[kind](), true);
  agent.destroy();
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = {};
  }
  if (!expected[kind](answer)) throw new Error(`the ${kind} attack is not answered as it should be (${status}): ${text.slice(0, 300)}`);
}

async function attack(kind, phase) {
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  const counts = { sent: 0, ok: 0, refused: 0, failed: 0 };
  const pending = [];
  const fire = () => {
    counts.sent++;
    pending.push(
      send(agent, kinds[kind]()).then((status) => {
        if (status >= 200 && status < 300) counts.ok++;
        else if (status >= 400 && status < 500) counts.refused++;
        else counts.failed++;
      }),
    );
  };
  const started = performance.now();
  const total = Math.round(rate * Number(seconds));
  for (let i = 0; i < total; i++) {
    // steady: request i at i/rate seconds, the kinds taking turns; burst: all of second s at its start.
    const at = pacing === 'steady' ? ((i + phase) * 1000) / rate : Math.floor(i / rate) * 1000;
    const wait = started + at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    fire();
  }
  await Promise.all(pending);
  agent.destroy();
  return counts;
}

for (const kind of chosen) await check(kind);
const results = await Promise.all(chosen.map(async (kind, k) => [kind, await attack(kind, k / chosen.length)]));
process.stdout.write(`${JSON.stringify(Object.fromEntries(results))}\n`);
