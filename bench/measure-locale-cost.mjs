// What the locales add to a load, measured in turn in one process:
// `node --expose-gc bench/measure-locale-cost.mjs <english-alone> <content>` loads English
// alone, the content with its locales (the pseudo-locales left to their first
// request, as a server does), and the content with every locale built, one
// after another in each of 11 rounds (after one unrecorded round), and prints
// each round's ratios to English alone with their medians. Taking the three in
// turn lets a slow spell of a shared host fall on all three; measured in
// separate processes minutes apart, the lazy case once came out slower than
// the case doing strictly more work.
import { performance } from 'node:perf_hooks';
import { loadFramework } from '@altitude/schema';

const [englishDir, contentDir] = process.argv.slice(2);
const ROUNDS = 11;
const options = { maxCollectionItems: 100_000 };

const cases = {
  english: () => loadFramework(englishDir, options),
  locales: () => loadFramework(contentDir, options),
  everyLocale: async () => {
    const result = await loadFramework(contentDir, options);
    // Reading each translation builds it, the pseudo-locales included.
    if (result.ok) for (const framework of result.framework.translations.values()) void framework;
    return result;
  },
};

async function timed(load) {
  // Each load starts from a collected heap, so none pays for the garbage of the one before.
  globalThis.gc();
  const start = performance.now();
  const result = await load();
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`the content does not load: ${result.errors[0]?.message}`);
  return ms;
}

for (const load of Object.values(cases)) await timed(load);
const rounds = [];
for (let round = 0; round < ROUNDS; round++) {
  const ms = {};
  // The order turns each round, so no case always follows the same one.
  const names = Object.keys(cases);
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length];
    ms[name] = await timed(cases[name]);
  }
  rounds.push(ms);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = (name) => rounds.map((r) => r[name] / r.english);
process.stdout.write(
  JSON.stringify({
    rounds: ROUNDS,
    ms: Object.fromEntries(Object.keys(cases).map((name) => [name, median(rounds.map((r) => r[name]))])),
    locales: { median: median(ratios('locales')), values: ratios('locales') },
    everyLocale: { median: median(ratios('everyLocale')), values: ratios('everyLocale') },
  }),
);
