import { defineConfig, type UserConfig } from 'vite';
import { chunkManifest } from './scripts/chunk-manifest.js';
import { minifyCssTemplates } from './scripts/minify-css-templates.js';

// Library builds of the same sources:
// - default (`production`): /widgets.js, a loader that imports nothing until
//   an Altitude tag appears, then the element's module (widgets/<name>-<hash>.js)
//   and one chunk of what they all share (Lit, the client, the words); a
//   manifest (widgets/manifest.json) lists each tag's files, for the server,
//   `altitude build-static` and the size budgets;
// - `single`: every element in one file (/widgets-all.js), for pages that
//   would rather make one request;
// - `embed`: the embed pages' script, the one file plus Lit's hydration support;
// - `modules`: per-component ES modules for npm users, one file per source
//   module, with Lit left as an import (a peer).
// The widgets' words in each language other than English are modules of their
// own (widgets/locales/de.js…), fetched when a widget first shows that
// language, the same from every build as they import nothing.
// Type declarations come from tsc (emitDeclarationOnly).

/** A catalogue chunk keeps its plain name: the same file from every build. */
const catalogueChunk = (moduleIds: readonly string[]) => moduleIds.some((id) => /[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(id));

/**
 * The one-file bundles are library builds, so that Vite adds no module
 * preloading code for their only dynamic imports, the language catalogues;
 * those come out as chunks beside them (`/widgets-all.js` imports
 * `/widgets/locales/de.js`). Library builds leave ES output unminified, hence
 * the output's own `minify`.
 */
const single: UserConfig = {
  publicDir: false,
  plugins: [minifyCssTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: { 'altitude-widgets-all': 'src/define.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: 'widgets/locales/[name].js', minify: true, comments: false },
    },
  },
};

/**
 * The loader and its chunks. The shared code is one chunk, not Lit and ours
 * apart (measured: one chunk is smaller than two); an element's chunk is named
 * after its folder. Hashed names let the server cache chunks for good while
 * the loader is revalidated, so a page never mixes two builds.
 */
const split: UserConfig = {
  ...single,
  // Chunks live in widgets/, one folder below the loader: the endpoint default is beside the loader.
  define: { __ALTITUDE_ENDPOINT_FROM_SCRIPT__: JSON.stringify('../graphql') },
  plugins: [minifyCssTemplates(), chunkManifest()],
  build: {
    ...single.build,
    lib: { entry: { 'altitude-widgets': 'src/autoload.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        minify: true,
        comments: false,
        chunkFileNames: (chunk) => {
          if (catalogueChunk(chunk.moduleIds)) return 'widgets/locales/[name].js';
          const element = /[\\/]src[\\/]([a-z-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return `widgets/${element ?? '[name]'}-[hash].js`;
        },
        codeSplitting: {
          groups: [
            {
              name: 'common',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|[\\/]src[\\/](client|shared|queries|i18n)[\\/](?!locales[\\/])/,
            },
          ],
        },
      },
    },
  },
};

// The embed pages' script: like the bundle, plus Lit's hydration support and
// the height reporting. Kept apart so /widgets.js stays within its budget.
const embed: UserConfig = {
  ...single,
  build: {
    ...single.build,
    lib: { entry: { 'altitude-embed': 'src/embed.ts' }, formats: ['es'] },
    rolldownOptions: { ...single.build!.rolldownOptions, preserveEntrySignatures: false },
  },
};

const modules: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: Object.fromEntries<string>([
        ['index', 'src/index.ts'],
        ['define', 'src/define.ts'],
        ['ssr', 'src/ssr.ts'],
        // Each component's module and define.js come out of preserveModules,
        // reached from these entries.
      ]),
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^dompurify$/, /^@lit-labs\//, /^jsdom$/, /^node:/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
};

const modes: Record<string, UserConfig> = { modules, embed, single };
export default defineConfig(({ mode }) => modes[mode] ?? split);
