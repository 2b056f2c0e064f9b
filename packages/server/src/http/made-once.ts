import type { Framework } from '@altitude/schema';

/** Bounds what is kept per content version (each Host header or query could otherwise add one). */
const MAX_CACHED = 200;

/**
 * What was made for a content version, by key: made on first request, then
 * reused until the content changes. At most `max` entries per version; when
 * full, the least recently used one makes room, so a burst of new keys costs
 * one entry each instead of everything the busy keys had built.
 */
export class MadeOnce<T> {
  readonly #byFramework = new WeakMap<Framework, Map<string, T>>();

  constructor(private readonly max = MAX_CACHED) {}

  get(framework: Framework, key: string, make: () => T): T {
    const made = this.#byFramework.get(framework) ?? new Map<string, T>();
    this.#byFramework.set(framework, made);
    let value = made.get(key);
    if (value === undefined) {
      value = make();
      // A Map iterates in insertion order: its first key is the least recently used.
      if (made.size >= this.max) made.delete(made.keys().next().value!);
    } else {
      made.delete(key);
    }
    made.set(key, value);
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
