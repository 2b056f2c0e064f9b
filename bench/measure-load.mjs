// One loading measurement, in a process of its own so that its heap is its
// own: `node --expose-gc bench/measure-load.mjs <content> [overlay…]` prints
// the median time of 11 loads (after one unrecorded load, as a server's first
// load warms the same code) and the heap the loaded framework keeps.
import { performance } from 'node:perf_hooks';
import { loadFramework as load } from '@altitude/schema';

// `--every-locale`: also build the locales built on first request (the pseudo-locales), inside the timing.
const everyLocale = process.argv.includes('--every-locale');
const [contentDir, ...overlays] = process.argv.slice(2).filter((arg) => arg !== '--every-locale');
const options = { overlays, maxCollectionItems: 100_000 };
const loadFramework = async (dir, opts) => {
  const result = await load(dir, opts);
  if (result.ok && everyLocale) for (const framework of result.framework.translations.values()) void framework;
  return result;
};
const first = await loadFramework(contentDir, options);
if (!first.ok) throw new Error(`${contentDir} does not load: ${first.errors[0]?.message}`);
const times = [];
let kept;
globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 11; i++) {
  const start = performance.now();
  kept = await loadFramework(contentDir, options);
  times.push(performance.now() - start);
}
globalThis.gc();
const retained = process.memoryUsage().heapUsed - before;
times.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    ms: times[5],
    retainedMiB: retained / 2 ** 20,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    entities: kept.framework.entities.length,
    locales: kept.framework.locales.length,
  }),
);
