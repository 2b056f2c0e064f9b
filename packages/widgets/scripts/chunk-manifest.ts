import type { Plugin } from 'vite';

/** What the split build wrote, as the server, `altitude build-static` and the size budgets read it. */
export interface ChunkManifest {
  /** The loader, served as /widgets.js. */
  readonly loader: string;
  /** Each tag's module and every chunk it imports statically, in load order: what a page with that tag fetches. */
  readonly elements: Readonly<Record<string, readonly string[]>>;
  /** Every file under widgets/ the build wrote (chunks, catalogues, source maps): all the server sends from there. */
  readonly files: readonly string[];
}

export const MANIFEST_FILE = 'widgets/manifest.json';
/** In src/autoload.ts; as long as `./widgets/common-<8-character hash>.js`. */
const SHARED_CHUNK_PLACEHOLDER = '__ALTITUDE_SHARED_CHUNK_URL_';

/**
 * Writes widgets/manifest.json beside the chunks. An element's chunk is the
 * one the loader imports that holds `src/<folder>/define.ts`; its tag is
 * `de-<folder>`, the naming every element follows.
 */
export function chunkManifest(): Plugin {
  return {
    name: 'altitude-chunk-manifest',
    apply: 'build',
    generateBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const loader = chunks.find((chunk) => chunk.isEntry);
      if (!loader) throw new Error('the split build has no entry chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (file: string, seen: string[] = []): string[] => {
        if (seen.includes(file)) return seen;
        seen.push(file);
        for (const imported of byFile.get(file)?.imports ?? []) closure(imported, seen);
        return seen;
      };
      const elements: Record<string, string[]> = {};
      for (const file of loader.dynamicImports)
        for (const id of byFile.get(file)?.moduleIds ?? []) {
          const folder = /[\\/]src[\\/]([a-z-]+)[\\/]define\.ts$/.exec(id)?.[1];
          if (folder) elements[`de-${folder}`] = closure(file);
        }
      // The loader names the shared chunk by a placeholder of the same length as its path, so the source map still fits.
      const common = chunks.find((chunk) => chunk.name === 'common');
      const path = `./${common?.fileName ?? ''}`;
      if (!common || path.length !== SHARED_CHUNK_PLACEHOLDER.length || !loader.code.includes(SHARED_CHUNK_PLACEHOLDER))
        throw new Error(`the loader's placeholder ${SHARED_CHUNK_PLACEHOLDER} cannot name the shared chunk ${path}`);
      loader.code = loader.code.replace(SHARED_CHUNK_PLACEHOLDER, path);
      const maps = options.sourcemap ? chunks.map((chunk) => `${chunk.fileName}.map`) : [];
      const files = [...chunks.map((chunk) => chunk.fileName), ...maps].filter((file) => file.startsWith('widgets/')).sort();
      const manifest: ChunkManifest = { loader: loader.fileName, elements, files };
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}
