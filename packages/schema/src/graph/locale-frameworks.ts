import type { Framework } from './types.js';

/**
 * The framework in every locale served, keyed by tag. The source locale is
 * built when the content loads; every other locale the first time it is
 * asked for (a translation's strings are checked on load all the same, so
 * its errors are found then), since a server seldom serves every locale and
 * building one costs about as much as building English.
 */
export class LocaleFrameworks implements ReadonlyMap<string, Framework> {
  readonly #built = new Map<string, Framework>();
  readonly #pending = new Map<string, () => Framework>();
  readonly #order: string[] = [];

  /** Records a framework already built (the builder of each locale's graph registers it here). */
  add(tag: string, framework: Framework): void {
    if (!this.#built.has(tag) && !this.#pending.has(tag)) this.#order.push(tag);
    this.#pending.delete(tag);
    this.#built.set(tag, framework);
  }

  /** Records a locale to build on first use. */
  defer(tag: string, build: () => Framework): void {
    if (this.has(tag)) return;
    this.#order.push(tag);
    this.#pending.set(tag, build);
  }

  get size(): number {
    return this.#order.length;
  }

  has(tag: string): boolean {
    return this.#built.has(tag) || this.#pending.has(tag);
  }

  get(tag: string): Framework | undefined {
    const built = this.#built.get(tag);
    if (built) return built;
    const build = this.#pending.get(tag);
    if (!build) return undefined;
    const framework = build();
    this.add(tag, framework);
    return framework;
  }

  /** Whether a locale's framework exists yet: for tests and measurements, which must not build it by asking. */
  isBuilt(tag: string): boolean {
    return this.#built.has(tag);
  }

  keys(): MapIterator<string> {
    return this.#order.values();
  }

  *values(): MapIterator<Framework> {
    for (const tag of this.#order) yield this.get(tag)!;
  }

  *entries(): MapIterator<[string, Framework]> {
    for (const tag of this.#order) yield [tag, this.get(tag)!];
  }

  [Symbol.iterator](): MapIterator<[string, Framework]> {
    return this.entries();
  }

  forEach(callback: (value: Framework, key: string, map: ReadonlyMap<string, Framework>) => void, thisArg?: unknown): void {
    for (const [tag, framework] of this.entries()) callback.call(thisArg, framework, tag, this);
  }
}
