import { defineConfig, type UserConfig } from 'vite';
import { minifyCssTemplates } from './scripts/minify-css-templates.js';

// Two library builds of the same sources:
// - default: the self-contained bundle for <script type="module" src=".../widgets.js">,
//   every element registered, Lit and DOMPurify included, one minified ES module.
//   The widgets' words in each language other than English are modules of their
//   own beside it (widgets/locales/de.js…), which it imports when a widget first
//   shows that language: the bundle does not grow with every language;
// - `--mode modules`: per-component ES modules for npm users, one file per
//   source module, with Lit and DOMPurify left as imports (Lit is a peer).
// Type declarations come from tsc (emitDeclarationOnly).

/**
 * The one-file bundles are library builds, so that Vite adds no module
 * preloading code for their only dynamic imports, the language catalogues;
 * those come out as chunks beside them (`/widgets.js` imports
 * `/widgets/locales/de.js`), the same from both bundles, as they import
 * nothing. Library builds leave ES output unminified, hence the output's own
 * `minify`.
 */
const bundle: UserConfig = {
  publicDir: false,
  plugins: [minifyCssTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: { 'altitude-widgets': 'src/define.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: 'widgets/locales/[name].js', minify: true, comments: false },
    },
  },
};

// The embed pages' script: like the bundle, plus Lit's hydration support and
// the height reporting. Kept apart so /widgets.js stays within its budget.
const embed: UserConfig = {
  ...bundle,
  build: {
    ...bundle.build,
    lib: { entry: { 'altitude-embed': 'src/embed.ts' }, formats: ['es'] },
    rolldownOptions: { ...bundle.build!.rolldownOptions, preserveEntrySignatures: false },
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

export default defineConfig(({ mode }) => (mode === 'modules' ? modules : mode === 'embed' ? embed : bundle));
