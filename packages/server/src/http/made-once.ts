import type { Framework } from '@altitude/schema';

/** Bounds what is kept per content version (each Host header or query could otherwise add one). */
const MAX_CACHED = 200;

/**
 * What was made for a content version, by key: made on first request, then
 * reused until the content changes. Bounded by MAX_CACHED.
 */
export class MadeOnce<T> {
  readonly #byFramework = new WeakMap<Framework, Map<string, T>>();

  get(framework: Framework, key: string, make: () => T): T {
    const made = this.#byFramework.get(framework) ?? new Map<string, T>();
    this.#byFramework.set(framework, made);
    let value = made.get(key);
    if (value === undefined) {
      if (made.size >= MAX_CACHED) made.clear();
      value = make();
      made.set(key, value);
    }
    return value;
  }

  forget(framework: Framework, key: string): void {
    this.#byFramework.get(framework)?.delete(key);
  }
}
