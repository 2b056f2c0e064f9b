import { formatContentError, loadFramework, type ContentError, type Framework, type LoadOptions } from '@altitude/schema';

/** What a command's content is loaded with besides the folder: the overlays, in order, and the locales' fallback chains. */
export type ContentLoadOptions = Pick<LoadOptions, 'overlays' | 'localeFallbacks'>;

/** Only those two: a command passes its whole options object, whose other keys are not the loader's. */
export const contentLoadOptions = ({ overlays, localeFallbacks }: ContentLoadOptions): ContentLoadOptions => ({ overlays, localeFallbacks });

export type ReloadResult =
  | { readonly ok: true; readonly framework: Framework; readonly changed: boolean }
  | { readonly ok: false; readonly errors: readonly ContentError[]; readonly messages: readonly string[] };

/**
 * Holds the framework being served. A reload swaps in a new graph only when
 * the new content is valid; otherwise the last good content keeps serving.
 */
export class ContentStore {
  #framework: Framework;
  #loadedAt: Date;
  readonly contentDir: string;
  readonly cwd: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays: readonly string[];
  readonly #load: ContentLoadOptions;
  #warnings: readonly ContentError[];

  private constructor(contentDir: string, cwd: string, load: ContentLoadOptions, framework: Framework, warnings: readonly ContentError[]) {
    this.contentDir = contentDir;
    this.cwd = cwd;
    this.overlays = load.overlays ?? [];
    this.#load = load;
    this.#framework = framework;
    this.#warnings = warnings;
    this.#loadedAt = new Date();
  }

  /** Loads the content once; fails with the checker's messages when it is invalid. */
  static async open(
    contentDir: string,
    cwd: string,
    load: ContentLoadOptions = {},
  ): Promise<{ ok: true; store: ContentStore } | { ok: false; messages: string[] }> {
    const picked = contentLoadOptions(load);
    const result = await loadFramework(contentDir, { ...picked, cwd });
    if (!result.ok) return { ok: false, messages: result.errors.map((e) => formatContentError(e, cwd)) };
    warmTranslations(result.framework);
    return { ok: true, store: new ContentStore(contentDir, cwd, picked, result.framework, result.warnings) };
  }

  /** The folders a change in which means a reload: the content and every overlay. */
  get folders(): readonly string[] {
    return [this.contentDir, ...this.overlays];
  }

  /** Warnings of the content being served (amendments whose upstream item has moved on). */
  get warnings(): readonly ContentError[] {
    return this.#warnings;
  }

  get framework(): Framework {
    return this.#framework;
  }

  get loadedAt(): Date {
    return this.#loadedAt;
  }

  async reload(): Promise<ReloadResult> {
    const result = await loadFramework(this.contentDir, { ...this.#load, cwd: this.cwd });
    if (!result.ok) return { ok: false, errors: result.errors, messages: result.errors.map((e) => formatContentError(e, this.cwd)) };
    const changed = result.framework.contentHash !== this.#framework.contentHash;
    if (changed) {
      warmTranslations(result.framework);
      this.#framework = result.framework;
      this.#warnings = result.warnings;
      this.#loadedAt = new Date();
    }
    return { ok: true, framework: this.#framework, changed };
  }
}

/**
 * Builds each translated locale's framework soon after a load, between
 * requests, so that the first reader in German does not wait for it. The
 * pseudo-locales, for testing layouts, are left to be built when asked for.
 */
function warmTranslations(framework: Framework): void {
  const translated = framework.locales.filter((l) => !l.generated).map((l) => l.tag);
  const next = () => {
    const tag = translated.shift();
    if (tag === undefined) return;
    framework.translations.get(tag);
    setImmediate(next).unref();
  };
  setImmediate(next).unref();
}
