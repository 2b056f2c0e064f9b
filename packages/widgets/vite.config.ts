import { defineConfig, type UserConfig } from 'vite';
import { chunkManifest } from './scripts/chunk-manifest.js';
import { minifyCssTemplates } from './scripts/minify-css-templates.js';
import { minifyHtmlTemplates } from './scripts/minify-html-templates.js';

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

/** The element folder whose define.ts a chunk holds (its module, whether the loader or another element imports it). */
const elementOf = (moduleIds: readonly string[]) =>
  moduleIds.map((id) => /[\\/]src[\\/]([a-z-]+)[\\/]define\.ts$/.exec(id)?.[1]).find((folder) => folder !== undefined);

/** A catalogue chunk keeps its plain name: the same file from every build. */
const catalogueChunk = (moduleIds: readonly string[]) => moduleIds.some((id) => /[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(id));

/**
 * Where a chunk goes: a catalogue under widgets/locales/ by its plain name, any
 * other under widgets/, named after its element (or what it holds) and a hash
 * of its content. A chunk that imports nothing (the catalogues, keeping focus)
 * comes out the same from every build, so the builds share it.
 */
const chunkFileNames = (chunk: { moduleIds: readonly string[] }) =>
  catalogueChunk(chunk.moduleIds) ? 'widgets/locales/[name].js' : `widgets/${elementOf(chunk.moduleIds) ?? '[name]'}-[hash].js`;

/**
 * The one-file bundles are library builds, so that Vite adds no module
 * preloading code for their dynamic imports, the language catalogues and
 * keeping focus; those come out as chunks beside them (`/widgets-all.js`
 * imports `/widgets/locales/de.js`). Library builds leave ES output
 * unminified, hence the output's own `minify`.
 */
const single: UserConfig = {
  publicDir: false,
  plugins: [minifyCssTemplates(), minifyHtmlTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // Maps are written beside each file but not named in it: the server names them in a SourceMap header, so
    // developer tools still find them and readers download no comment for them.
    sourcemap: 'hidden',
    lib: { entry: { 'altitude-widgets-all': 'src/define.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames, minify: true, comments: false },
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
  plugins: [minifyCssTemplates(), minifyHtmlTemplates(), chunkManifest()],
  build: {
    ...single.build,
    lib: { entry: { 'altitude-widgets': 'src/autoload.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      // Constants go where they are used: each element's persisted-operation id lands in its own chunk, not in the shared one.
      optimization: { inlineConst: { mode: 'all', pass: 2 } },
      output: {
        entryFileNames: '[name].js',
        minify: true,
        comments: false,
        chunkFileNames,
        codeSplitting: {
          groups: [
            {
              name: 'common',
              // Not the catalogues (each a file of its own), what only the tools use (private answers), nor what is
              // fetched when first needed (keeping focus across a re-render).
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|[\\/]src[\\/](client|shared|queries|i18n)[\\/](?!locales[\\/]|private-answers|keep-focus)/,
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
  // The server renders embed pages from these modules and /embed.js hydrates them: Lit matches the two by a
  // digest of each template's text, so both must collapse it alike.
  plugins: [minifyHtmlTemplates()],
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
        // The React wrappers (generated, scripts/integrations.mjs): each is a module of its own, as the components.
        ['react/index', 'src/react/index.ts'],
        // Each component's module and define.js come out of preserveModules,
        // reached from these entries.
      ]),
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit-labs\//, /^@lit\/react$/, /^react(\/|$)/, /^node:/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
};

const modes: Record<string, UserConfig> = { modules, embed, single };
export default defineConfig(({ mode }) => modes[mode] ?? split);
