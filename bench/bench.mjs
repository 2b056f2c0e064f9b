// `pnpm bench`: Altitude in production against the practical limit (raw
// node:http sending precomputed bytes) and the peer a user would pick (bare
// graphql-yoga with the same schema), all in one run on this machine, driven
// by autocannon for a bounded time. Writes bench/RESULTS.md.
//
//   pnpm bench [--duration 5] [--rounds 5] [--pairs 16] [--soak 60] [--attack 15] [--connections 10] [--max-steal 5] [--out bench/RESULTS.md]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { writeScaledContent } from './scaled-content.mjs';
// Built by `pnpm bench` before it runs this, as is the CLI it starts.
import { persistedOperationNamed } from '../packages/server/dist/graphql/persisted-operations.js';
import { readServerOptions } from '../packages/server/dist/config/server-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    soak: { type: 'string', default: '60' },
    // Seconds of probing idle, then as long under attack.
    attack: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    // Pairs of 1 s slices, Altitude and raw in turn, behind the cached-GET aims.
    pairs: { type: 'string', default: '16' },
    // On a shared virtual machine the hypervisor can take the CPUs away for a
    // while; a run during which it took more than this percentage is run again.
    'max-steal': { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
});
const duration = Number(args.duration);
const soakSeconds = Number(args.soak);
const attackSeconds = Number(args.attack);
const connections = Number(args.connections);
const rounds = Number(args.rounds);
const pairs = Number(args.pairs);
/** Seconds of each slice of a pair. */
const SLICE_SECONDS = 1;
const maxSteal = Number(args['max-steal']);
if (!(maxSteal >= 0 && maxSteal <= 100)) throw new Error('--max-steal must be a percentage from 0 to 100');
/** Attempts per run, when the hypervisor keeps taking the CPUs. */
const ATTEMPTS = 4;
const RETRY_PAUSE_MS = 5_000;
for (const [name, value] of [
  ['duration', duration],
  ['soak', soakSeconds],
  ['attack', attackSeconds],
  ['connections', connections],
  ['rounds', rounds],
  ['pairs', pairs],
]) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1`);
}

const { id, text: document } = persistedOperationNamed('LevelComparison');
const variables = { slugs: ['staff', 'principal', 'distinguished'] };
const variablesParam = encodeURIComponent(JSON.stringify(variables));
const ACCEPT = 'application/graphql-response+json, application/json';

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  return port;
}

/** Starts a server process and resolves when it answers. */
async function start(name, commandArgs, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...commandArgs(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/health`);
      return { name, url, child, stop: () => (child.kill('SIGTERM'), once(child, 'exit')) };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${name} did not start`);
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** CPU time a process has used, in clock ticks (Linux /proc); undefined elsewhere. */
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * The run with the median requests per second, with the median CPU time per
 * request beside it: the server's own cost, which other guests on a shared
 * host move too, but less than they move throughput.
 */
function median(list) {
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const run = [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)];
  const cpu = list.map((r) => r.cpuUs).filter((us) => us !== undefined);
  return { ...run, cpuUs: cpu.length ? middle(cpu) : undefined };
}

/**
 * Altitude against raw in short slices taken in turn, which one goes first
 * swapped every pair: a slow spell of a shared host then falls on both
 * servers of a pair alike, and neither always runs right after the other.
 * Five 5 s runs per server, their medians compared, let a spell of a few
 * seconds decide a ratio (rounds of the same servers read 0.65× to 0.93×).
 */
async function paired(label, raw, altitude) {
  const ratios = [];
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? [raw, altitude] : [altitude, raw];
    const rps = new Map();
    for (const side of order)
      rps.set(side, (await drive(`${label} pair ${pair + 1}, ${side.name}`, side.options, side.pid, SLICE_SECONDS)).rps);
    ratios.push(rps.get(altitude) / rps.get(raw));
  }
  return quartiles(ratios);
}

/** The median and the quartiles (nearest rank), with the values in the order measured. */
function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), values };
}

/** Unrecorded load first, so the JIT has settled before anything is measured. */
async function warmUp(options) {
  await autocannon({ connections, duration: Math.min(3, duration), ...options });
}

/**
 * CPU time the hypervisor gave to others, summed over this machine's CPUs,
 * in clock ticks (the steal column of Linux's /proc/stat); 0 where there is none.
 */
function stolenTicks() {
  try {
    return Number(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/)[8] ?? 0);
  } catch {
    return 0;
  }
}
const TICKS_PER_SECOND = 100;
const stealStats = { reruns: 0, worstKept: 0 };

async function drive(label, options, pid, seconds = duration) {
  for (let attempt = 1; ; attempt++) {
    process.stderr.write(`  ${label} … `);
    const stolenBefore = stolenTicks();
    const cpuBefore = cpuTicks(pid);
    const started = performance.now();
    const result = await autocannon({ connections, duration: seconds, ...options });
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuTicks(pid);
    const cpuUs =
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : ((cpuAfter - cpuBefore) * 1e6) / TICKS_PER_SECOND / result.requests.total;
    const steal = (100 * (stolenTicks() - stolenBefore)) / (TICKS_PER_SECOND * elapsed * os.cpus().length);
    const ok = options.expectStatus === 304 ? result['3xx'] : result['2xx'];
    const wrong = result.requests.total - ok;
    if (result.errors > 0 || wrong > 0)
      throw new Error(`${label}: ${result.errors} errors, ${wrong} answers not ${options.expectStatus ?? '2xx'}`);
    process.stderr.write(`${Math.round(result.requests.average)} req/s${steal > 0.5 ? ` (${steal.toFixed(1)}% stolen)` : ''}\n`);
    if (steal > maxSteal && attempt < ATTEMPTS) {
      stealStats.reruns++;
      // Spells of contention come and go: give this one a moment to pass.
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      continue;
    }
    stealStats.worstKept = Math.max(stealStats.worstKept, steal);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, cpuUs };
  }
}

const getAltitude = (base) => ({ url: `${base}/graphql?id=${id}&variables=${variablesParam}`, headers: { accept: ACCEPT } });
/** The same comparison in Japanese, as a widget on a `lang="ja"` page asks for it. */
const getAltitudeJa = (base) => ({
  url: `${base}/graphql?id=${id}&variables=${encodeURIComponent(JSON.stringify({ ...variables, locale: 'ja' }))}`,
  headers: { accept: ACCEPT },
});
const getYoga = (base) => ({
  url: `${base}/graphql?query=${encodeURIComponent(document)}&variables=${variablesParam}`,
  headers: { accept: ACCEPT },
});
const post = (base) => ({
  url: `${base}/graphql`,
  method: 'POST',
  headers: { accept: ACCEPT, 'content-type': 'application/json' },
  body: JSON.stringify({ query: document, variables }),
});
/**
 * Every dimension, in a different order on each request (7 dimensions give
 * 5,040 orders, more than the response cache's 2,000 entries): the answer is
 * the same work (rows keep the framework's order) but the variables differ,
 * so no cache can answer. Unused variables would not do: Altitude's cache
 * ignores them.
 */
let dimensionSlugs = [];
function permutation(n) {
  const pool = [...dimensionSlugs];
  const order = [];
  for (let size = pool.length; size > 0; size--) {
    order.push(pool.splice(n % size, 1)[0]);
    n = Math.floor(n / size);
  }
  return order;
}
const miss = (base, path) => {
  let n = 0;
  return {
    url: base,
    headers: { accept: ACCEPT },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `${path}&variables=${encodeURIComponent(JSON.stringify({ ...variables, dimensions: permutation(n++) }))}`,
        }),
      },
    ],
  };
};

/** The body limit Altitude runs with here (its default): the attackers send bodies as large as it lets through. */
const MAX_BODY_BYTES = readServerOptions({ NODE_ENV: 'production' }).maxBodyBytes;

/** Hostile requests per second, of each kind, during the attack (bench/attackers.mjs): steady and bounded. */
const ATTACK_RATE = 20;
/** A probe every this many milliseconds. */
const PROBE_INTERVAL_MS = 10;

/**
 * Latencies (ms) of one request every PROBE_INTERVAL_MS for `seconds`, on one
 * kept-alive connection: a reader's view of the server while something else goes on.
 */
async function probe(base, path, headers, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(base);
  const latencies = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const status = await new Promise((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, headers, agent }, (res) => {
        res.resume().on('end', () => resolve(res.statusCode));
      });
      req.on('error', reject).end();
    });
    if (status !== 200) throw new Error(`probe ${path}: status ${status}`);
    const took = performance.now() - started;
    latencies.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROBE_INTERVAL_MS - took)));
  }
  agent.destroy();
  return latencies;
}

function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), count: sorted.length };
}

async function underAttack(altitude) {
  const health = () => probe(altitude.url, '/health', {}, attackSeconds);
  const cached = getAltitude('');
  const get = () => probe(altitude.url, cached.url, cached.headers, attackSeconds);
  process.stderr.write(
    `under attack: ${attackSeconds} s idle, then ${attackSeconds} s each of ${ATTACK_RATE} hostile requests/s of each kind, steady and in bursts\n`,
  );
  const [healthIdle, getIdle] = await Promise.all([health(), get()]);
  const listed = await fetch(`${altitude.url}/graphql`, {
    method: 'POST',
    headers: { accept: ACCEPT, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ levels { id } }' }),
  });
  const nodeId = (await listed.json()).data.levels[0].id;
  /** Probes while bench/attackers.mjs sends with the given pacing. */
  const attacked = async (pacing) => {
    const attackers = spawn(
      process.execPath,
      ['bench/attackers.mjs', altitude.url, nodeId, String(attackSeconds), String(ATTACK_RATE), String(MAX_BODY_BYTES), pacing],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    attackers.stdout.on('data', (chunk) => (printed += chunk));
    const [healthAttacked, getAttacked, [code]] = await Promise.all([health(), get(), once(attackers, 'exit')]);
    if (code !== 0) throw new Error(`bench/attackers.mjs exited with ${code}`);
    const hostile = JSON.parse(printed);
    process.stderr.write(`  ${pacing}: ${JSON.stringify(hostile)}\n`);
    return {
      health: { idle: percentiles(healthIdle), attacked: percentiles(healthAttacked) },
      get: { idle: percentiles(getIdle), attacked: percentiles(getAttacked) },
      hostile,
    };
  };
  const steady = await attacked('steady');
  const burst = await attacked('burst');
  return { steady, burst, rss: rssMiB(altitude.child.pid) };
}

const ACME = path.join(root, 'examples/acme-ladder/ladder');

/**
 * Time and heap to load and resolve the framework: upstream, with the Acme
 * overlay, and generated frameworks 1, 10 and 100 times the size; each in a
 * process of its own (bench/measure-load.mjs), before any server runs.
 */
function measureLoading(tmp) {
  // The YAML the loader reads: the files directly in the folder (not translations or releases below it).
  const dirSize = (dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .reduce((n, e) => n + statSync(path.join(dir, e.name)).size, 0);
  // English alone: the content without its translations, for the cost of the locales.
  const english = path.join(tmp, 'english-alone');
  cpSync(path.join(root, 'content'), english, { recursive: true });
  rmSync(path.join(english, 'locales'), { recursive: true, force: true });
  const contentBytes = dirSize(path.join(root, 'content'));
  const cases = [
    { key: 'english', label: 'Upstream content, English alone (no locales/)', args: [english], bytes: contentBytes },
    {
      key: 'locales',
      label: 'Upstream content with its locales (de, ja; en-XA, ar-XB built on first request)',
      args: [path.join(root, 'content')],
      bytes: contentBytes,
      translationKiB: ['de', 'ja'].map((tag) => [tag, dirSize(path.join(root, 'content/locales', tag)) / 1024]),
    },
    {
      key: 'everyLocale',
      label: 'Upstream content with every locale built (de, ja, en-XA, ar-XB)',
      args: [path.join(root, 'content'), '--every-locale'],
      bytes: contentBytes,
    },
    {
      label: 'With the Acme overlay',
      args: [path.join(root, 'content'), ACME],
      bytes: dirSize(path.join(root, 'content')) + dirSize(ACME),
    },
  ];
  for (const k of [1, 10, 100]) {
    const dir = path.join(tmp, `scaled-${k}`);
    const shape = writeScaledContent(root, k, dir);
    cases.push({ label: `Generated, ${k}×`, args: [dir], bytes: dirSize(dir), shape, k });
  }
  const measured = cases.map((c) => {
    process.stderr.write(`loading: ${c.label}\n`);
    const out = execFileSync(process.execPath, ['--expose-gc', path.join(root, 'bench/measure-load.mjs'), ...c.args], { encoding: 'utf8' });
    return { ...c, ...JSON.parse(out) };
  });
  process.stderr.write('loading: the locales against English alone, in turn\n');
  const localeCost = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', path.join(root, 'bench/measure-locale-cost.mjs'), english, path.join(root, 'content')], {
      encoding: 'utf8',
    }),
  );
  return { cases: measured, localeCost };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'altitude-bench-'));
const results = {};
const servers = [];
try {
  process.stderr.write(`pnpm bench: ${rounds} rounds of ${duration} s runs, ${connections} connections, ${soakSeconds} s soak\n`);
  ({ cases: results.loading, localeCost: results.localeCost } = measureLoading(tmp));
  const altitude = await start('altitude', (port) => ['packages/server/dist/cli.js', 'serve', '--port', String(port)], {
    NODE_ENV: 'production',
  });
  servers.push(altitude);
  const listed = await fetch(`${altitude.url}/graphql`, {
    method: 'POST',
    headers: { accept: ACCEPT, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ dimensions { slug } }' }),
  });
  dimensionSlugs = (await listed.json()).data.dimensions.map((d) => d.slug);
  // The raw server sends exactly Altitude's answer.
  const answer = await fetch(getAltitude(altitude.url).url, { headers: { accept: ACCEPT, 'accept-encoding': 'identity' } });
  const etag = answer.headers.get('etag');
  const bodyFile = path.join(tmp, 'answer.json');
  writeFileSync(bodyFile, Buffer.from(await answer.arrayBuffer()));

  const raw = await start('raw', (port) => ['bench/servers.mjs', 'raw', String(port), bodyFile, etag]);
  servers.push(raw);
  // The same cached GET from a company's framework (the Acme overlay), against raw sending its bytes.
  const company = await start(
    'altitude-acme',
    (port) => ['packages/server/dist/cli.js', 'serve', '--port', String(port), '--overlay', ACME],
    {
      NODE_ENV: 'production',
    },
  );
  servers.push(company);
  const companyAnswer = await fetch(getAltitude(company.url).url, { headers: { accept: ACCEPT, 'accept-encoding': 'identity' } });
  const companyBody = path.join(tmp, 'company-answer.json');
  writeFileSync(companyBody, Buffer.from(await companyAnswer.arrayBuffer()));
  const rawCompany = await start('raw-acme', (port) => [
    'bench/servers.mjs',
    'raw',
    String(port),
    companyBody,
    companyAnswer.headers.get('etag'),
  ]);
  servers.push(rawCompany);
  // The same server's answer in Japanese, against raw sending those bytes.
  const jaAnswer = await fetch(getAltitudeJa(altitude.url).url, { headers: { accept: ACCEPT, 'accept-encoding': 'identity' } });
  const jaBody = path.join(tmp, 'ja-answer.json');
  writeFileSync(jaBody, Buffer.from(await jaAnswer.arrayBuffer()));
  if (!readFileSync(jaBody, 'utf8').includes('"locale":"ja"')) throw new Error('the Japanese comparison did not come back in Japanese');
  const rawJa = await start('raw-ja', (port) => ['bench/servers.mjs', 'raw', String(port), jaBody, jaAnswer.headers.get('etag')]);
  servers.push(rawJa);
  const yoga = await start('yoga', (port) => ['bench/servers.mjs', 'yoga', String(port)]);
  servers.push(yoga);

  // Interleaved: every round runs each scenario on each server in turn, so a
  // slow spell on a shared machine falls on all servers alike; medians are reported.
  const revalidate = (base) => ({ ...getAltitude(base), headers: { accept: ACCEPT, 'if-none-match': etag }, expectStatus: 304 });
  const scenarios = [
    { key: 'get', label: 'GET', raw: getAltitude(raw.url), yoga: getYoga(yoga.url), altitude: getAltitude(altitude.url) },
    { key: 'getOverlay', label: 'GET with an overlay', raw: getAltitude(rawCompany.url), altitude: getAltitude(company.url) },
    { key: 'getJa', label: 'GET in Japanese', raw: getAltitudeJa(rawJa.url), altitude: getAltitudeJa(altitude.url) },
    { key: 'post', label: 'POST', raw: post(raw.url), yoga: post(yoga.url), altitude: post(altitude.url) },
    { key: 'revalidate', label: '304', raw: revalidate(raw.url), altitude: revalidate(altitude.url) },
    {
      key: 'miss',
      label: 'cache miss',
      yoga: miss(yoga.url, `/graphql?query=${encodeURIComponent(document)}`),
      altitude: miss(altitude.url, `/graphql?id=${id}`),
    },
  ];
  process.stderr.write('warm-up\n');
  await warmUp(getAltitude(raw.url));
  await warmUp(post(yoga.url));
  await warmUp(getAltitude(altitude.url));
  await warmUp(getAltitude(company.url));
  await warmUp(getAltitude(rawCompany.url));
  await warmUp(getAltitudeJa(altitude.url));
  await warmUp(getAltitudeJa(rawJa.url));
  await warmUp(post(altitude.url));
  // Misses too: graphql-jit compiles a document on its second run, and yoga warms its caches.
  await warmUp(scenarios.at(-1).yoga);
  await warmUp(scenarios.at(-1).altitude);
  const runs = { raw: {}, yoga: {}, altitude: {} };
  const byName = { raw, yoga, altitude };
  // The overlay scenario's servers are the company's.
  const serverFor = (scenario, name) =>
    scenario.key === 'getOverlay'
      ? { raw: rawCompany, altitude: company }[name]
      : scenario.key === 'getJa' && name === 'raw'
        ? rawJa
        : byName[name];
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`round ${round} of ${rounds}\n`);
    for (const scenario of scenarios) {
      for (const name of ['raw', 'yoga', 'altitude']) {
        if (!scenario[name]) continue;
        (runs[name][scenario.key] ??= []).push(
          await drive(`${name} ${scenario.label}`, scenario[name], serverFor(scenario, name).child.pid),
        );
      }
    }
  }
  for (const [name, byScenario] of Object.entries(runs)) {
    results[name] = Object.fromEntries(Object.entries(byScenario).map(([key, list]) => [key, median(list)]));
  }
  results.rounds = runs;
  // The aims against raw, from pairs of short slices (see paired).
  results.paired = {};
  for (const scenario of scenarios.filter((s) => s.raw && s.key.startsWith('get'))) {
    process.stderr.write(`pairs: ${scenario.label}\n`);
    const side = (name) => ({ name, options: scenario[name], pid: serverFor(scenario, name).child.pid });
    results.paired[scenario.key] = await paired(scenario.label, side('raw'), side('altitude'));
  }
  await Promise.all([raw.stop(), yoga.stop(), company.stop(), rawCompany.stop(), rawJa.stop()]);

  results.attack = await underAttack(altitude);

  process.stderr.write(`soak: ${soakSeconds} s of cached GETs and cache misses\n`);
  const rssStart = rssMiB(altitude.child.pid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(altitude.child.pid))), 1000);
  const soakGet = autocannon({ connections: Math.max(1, connections / 2), duration: soakSeconds, ...getAltitude(altitude.url) });
  const soakMiss = autocannon({
    connections: Math.max(1, connections / 2),
    duration: soakSeconds,
    ...miss(altitude.url, `/graphql?id=${id}`),
  });
  const [g, m] = await Promise.all([soakGet, soakMiss]);
  clearInterval(sampler);
  const rssEnd = rssMiB(altitude.child.pid);
  results.soak = {
    seconds: soakSeconds,
    requests: g.requests.total + m.requests.total,
    errors: g.errors + m.errors,
    rssStart,
    rssEnd,
    rssPeak,
  };
  process.stderr.write(`  RSS ${rssStart.toFixed(1)} → ${rssEnd.toFixed(1)} MiB (peak ${rssPeak.toFixed(1)})\n`);
} finally {
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop()));
  rmSync(tmp, { recursive: true, force: true });
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const row = (scenario, key, rawKey = key) => {
  const a = results.altitude[key];
  const r = rawKey ? results.raw[rawKey] : undefined;
  const y = results.yoga[key];
  const cpu = (x) => (x.cpuUs === undefined ? '' : `; ${x.cpuUs.toFixed(1)} µs`);
  const cell = (x) => (x ? `${fmt(x.rps)} (${x.p50} / ${x.p99} ms${cpu(x)})` : '—');
  return `| ${scenario} | ${cell(r)} | ${cell(y)} | ${cell(a)} | ${ratio(a?.rps, r?.rps)} | ${ratio(a?.rps, y?.rps)} |`;
};
const times = (x) => `${x.toFixed(2)}×`;
/** A paired aim: its median, quartiles and every pair's ratio in the order run. */
const pairedLine = (key) => {
  const { median, q1, q3, values } = results.paired[key];
  return `${times(median)} (quartiles ${times(q1)}–${times(q3)}; pair by pair ${values.map((v) => v.toFixed(2)).join(', ')})`;
};
const cpuRatio = (key, other) => {
  const [a, o] = [results.altitude[key]?.cpuUs, results[other][key]?.cpuUs];
  return a && o ? `${(o / a).toFixed(2)}×` : '—';
};
/** Altitude's ratio to another server in each round, in round order. */
const byRound = (key, other) => results.rounds.altitude[key].map((run, i) => ratio(run.rps, results.rounds[other][key][i].rps)).join(', ');
const cpus = os.cpus();
const autocannonVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/autocannon/package.json'), 'utf8')).version;
const command = `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const soak = results.soak;
const ms = (x) => `${x.toFixed(2)} ms`;
const attackRow = (label, probe) => {
  const { idle, attacked: steady } = results.attack.steady[probe];
  const { attacked: burst } = results.attack.burst[probe];
  return `| ${label} | ${ms(idle.p50)} / ${ms(idle.p99)} | ${ms(steady.p50)} / ${ms(steady.p99)} | ${(steady.p99 / idle.p99).toFixed(2)}× | ${ms(burst.p50)} / ${ms(burst.p99)} | ${(burst.p99 / idle.p99).toFixed(2)}× |`;
};
const attackKinds = (pacing) =>
  `Hostile requests sent (${pacing}): ${Object.entries(results.attack[pacing].hostile)
    .map(([kind, h]) => `${kind} ${fmt(h.sent)} (${fmt(h.ok)} 2xx, ${fmt(h.refused)} 4xx, ${fmt(h.failed)} failed)`)
    .join('; ')}.`;
const report = `# Benchmark results

Written by \`${command}\` on ${new Date().toISOString()}.

Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, autocannon ${autocannonVersion}.
Each figure is the median of ${rounds} runs of ${duration} s, the servers taking turns in every round (after an unrecorded warm-up), ${connections} connections, no pipelining; every server in its own process, autocannon in another. Altitude runs with its defaults (JSON request log on, here to /dev/null).
A run during which the hypervisor took more than ${maxSteal}% of the CPUs (steal time in /proc/stat) was run again after a ${RETRY_PAUSE_MS / 1000} s pause, up to ${ATTEMPTS} attempts: ${stealStats.reruns} ${stealStats.reruns === 1 ? 'run was' : 'runs were'} run again, and the most taken during a run kept was ${stealStats.worstKept.toFixed(1)}%.
Query: the level comparison of staff, principal and distinguished (the widgets' \`LevelComparison\`; the same answer bytes from every server).

Requests per second (p50 / p99 latency; the server's CPU time per request, median run):

| Scenario | raw node:http | bare graphql-yoga | Altitude (production) | Altitude / raw | Altitude / yoga |
| --- | --- | --- | --- | --- | --- |
${row('Cached GET (`?id=…` for Altitude, `?query=…` for yoga)', 'get')}
${row('Cached GET, Altitude with the Acme overlay (raw sends its answer)', 'getOverlay')}
${row('Cached GET in Japanese (`locale: "ja"`; raw sends its answer)', 'getJa')}
${row('POST', 'post')}
${row('304 revalidation (`If-None-Match`)', 'revalidate')}
${row('Cache miss (the dimensions in a new order each request)', 'miss', null)}

- raw node:http sends precomputed bytes whatever is asked: the practical limit, not a GraphQL server.
- bare graphql-yoga has no ETag, so it has no 304 row; it executes every request, so its GET and cache-miss rows do the same work.
- Aims: cached GET ≥ 0.8× raw — ${times(results.paired.get.median)}; with an overlay ≥ 0.8× raw — ${times(results.paired.getOverlay.median)}; in Japanese ≥ 0.8× raw — ${times(results.paired.getJa.median)}; POST ≥ 1.0× yoga — ${ratio(results.altitude.post.rps, results.yoga.post.rps)}; cache miss ≥ 1.0× yoga — ${ratio(results.altitude.miss.rps, results.yoga.miss.rps)}.
- The cached-GET aims are medians of ${pairs} pairs of ${SLICE_SECONDS} s slices run after the rounds, Altitude and raw in turn (raw first in every other pair): cached GET ${pairedLine('get')}; with the overlay ${pairedLine('getOverlay')}; in Japanese ${pairedLine('getJa')}. The same ratios from the table's medians: ${ratio(results.altitude.get.rps, results.raw.get.rps)}, ${ratio(results.altitude.getOverlay.rps, results.raw.getOverlay.rps)} and ${ratio(results.altitude.getJa.rps, results.raw.getJa.rps)}.
- The same aims by the servers' CPU time per request (the other server's µs over Altitude's): cached GET vs raw — ${cpuRatio('get', 'raw')}; POST vs yoga — ${cpuRatio('post', 'yoga')}; cache miss vs yoga — ${cpuRatio('miss', 'yoga')}.
- Round by round, cache miss Altitude/yoga: ${byRound('miss', 'yoga')}.
- Round by round (the servers of a round ran one after another): cached GET Altitude/raw ${byRound('get', 'raw')}; with the overlay ${byRound('getOverlay', 'raw')}; in Japanese ${byRound('getJa', 'raw')}; POST Altitude/yoga ${byRound('post', 'yoga')}.

Loading and resolving the framework (\`loadFramework\`: read, check, merge the overlays, build the graph; median of 11 loads in a process of its own after one unrecorded load; the heap the loaded framework keeps, after a full GC). The generated frameworks reuse upstream's texts; each kind of content grows k times (levels and dimensions √k times each, so their cells k times).

| Content | YAML | Shape | Load | ms per 100 KB | Heap kept |
| --- | --- | --- | --- | --- | --- |
${results.loading
  .map(
    (c) =>
      `| ${c.label} | ${(c.bytes / 1024).toFixed(0)} KiB | ${c.shape ? `${fmt(c.shape.items)} items, ${c.shape.levels} levels × ${c.shape.dimensions} dimensions` : `${c.entities} entities`} | ${c.ms.toFixed(0)} ms | ${((c.ms / c.bytes) * 100_000).toFixed(1)} | ${c.retainedMiB.toFixed(1)} MiB |`,
  )
  .join('\n')}

- Aim: content with four locales loads in at most 2× the time of English alone — ${times(results.localeCost.locales.median)} (${results.loading.find((c) => c.key === 'locales').locales} locales served); with the pseudo-locales built as well, not on first request — ${times(results.localeCost.everyLocale.median)}. Both are medians of ${results.localeCost.rounds} rounds in one process, each round loading the three in turn from a collected heap (bench/measure-locale-cost.mjs); round by round ${results.localeCost.locales.values.map((v) => v.toFixed(2)).join(', ')}. From the table's separate processes: ${ratio(
  results.loading.find((c) => c.key === 'locales').ms,
  results.loading.find((c) => c.key === 'english').ms,
)} and ${ratio(
  results.loading.find((c) => c.key === 'everyLocale').ms,
  results.loading.find((c) => c.key === 'english').ms,
)}. The translations' YAML is ${results.loading
  .find((c) => c.key === 'locales')
  .translationKiB.map(([tag, kib]) => `${kib.toFixed(0)} KiB (${tag})`)
  .join(' and ')}, each about the size of the English it translates.
- Aim: a framework 100 times the size loads in under 2 s — ${results.loading.find((c) => c.k === 100).ms.toFixed(0)} ms; growth linear in the content — time per 100 KB at 100× over 10×: ${(
  results.loading.find((c) => c.k === 100).ms /
  results.loading.find((c) => c.k === 100).bytes /
  (results.loading.find((c) => c.k === 10).ms / results.loading.find((c) => c.k === 10).bytes)
).toFixed(2)}× (1.00× is linear), heap kept per 100 KB at 100× over 10×: ${(
  results.loading.find((c) => c.k === 100).retainedMiB /
  results.loading.find((c) => c.k === 100).bytes /
  (results.loading.find((c) => c.k === 10).retainedMiB / results.loading.find((c) => c.k === 10).bytes)
).toFixed(2)}×.

Soak: ${soak.seconds} s of cached GETs and cache misses together (${fmt(soak.requests)} requests, ${soak.errors} errors). Altitude's RSS: ${soak.rssStart.toFixed(1)} MiB at the start, ${soak.rssEnd.toFixed(1)} MiB at the end, ${soak.rssPeak.toFixed(1)} MiB at the peak.

Under attack: /health and the cached GET probed every ${PROBE_INTERVAL_MS} ms on one kept-alive connection for ${attackSeconds} s with the server idle, then for ${attackSeconds} s while hostile requests arrive at ${ATTACK_RATE} per second of each kind (a 20,000-letter search word, as many copies of an id as the ${Math.round(MAX_BODY_BYTES / 1024)} KiB body limit allows in five aliases, a unique unused variable as long as that limit allows on every request), each kind on two kept-alive connections; before the attack, one request of each kind is checked to be answered as meant (the search word refused by the search's length bound as an error in a 200 answer, the ids by the list bound with a 400, the padded body run). Steady: evenly spaced, the three kinds taking turns (one hostile request every ${(1000 / (3 * ATTACK_RATE)).toFixed(1)} ms). Bursts: each second's ${3 * ATTACK_RATE} requests sent at once at its start, as a load tool's rate limit sends them (autocannon's \`overallRate\`), for another ${attackSeconds} s. Aim: p99 under a steady attack at most 2× p99 idle.

| Probe | idle p50 / p99 | steady attack p50 / p99 | p99 steady / idle | bursts p50 / p99 | p99 bursts / idle |
| --- | --- | --- | --- | --- | --- |
${attackRow('/health', 'health')}
${attackRow('Cached GET', 'get')}

${attackKinds('steady')} ${attackKinds('burst')} Altitude's RSS after the attack: ${results.attack.rss.toFixed(1)} MiB.
`;
writeFileSync(path.resolve(root, args.out), report);
process.stderr.write(`wrote ${args.out}\n`);
