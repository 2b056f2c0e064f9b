import { LRUCache } from 'lru-cache';
import type { Framework } from '@altitude/schema';

/** Bounds what is kept per content version (each Host header or query could otherwise add one). */
const MAX_CACHED = 200;

/**
 * What was made for a content version, by key: made on first request, then
 * reused until the content changes. At most `max` entries per version; when
 * full, the least recently used one makes room, so a burst of new keys costs
 * one entry each instead of everything the busy keys had built.
 */
export class MadeOnce<T extends NonNullable<unknown>> {
  readonly #byFramework = new WeakMap<Framework, LRUCache<string, T>>();

  constructor(private readonly max = MAX_CACHED) {}

  get(framework: Framework, key: string, make: () => T): T {
    let made = this.#byFramework.get(framework);
    if (!made) this.#byFramework.set(framework, (made = new LRUCache<string, T>({ max: this.max })));
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make()));
    return value;
  }

  forget(framework: Framework, key: string): void {
    this.#byFramework.get(framework)?.delete(key);
  }

  /** How many entries are kept for a content version (for tests and diagnostics). */
  size(framework: Framework): number {
    return this.#byFramework.get(framework)?.size ?? 0;
  }
}
