import { defineConfig, type UserConfig } from 'vite';
import { minifyCssTemplates } from './scripts/minify-css-templates.js';

// Two library builds of the same sources:
// - default: the self-contained bundle for <script type="module" src=".../widgets.js">,
//   every element registered, Lit and DOMPurify included, one minified ES module
//   (Vite's lib mode leaves ES output unminified, so this one is a plain build);
// - `--mode modules`: per-component ES modules for npm users, one file per
//   source module, with Lit and DOMPurify left as imports (Lit is a peer).
// Type declarations come from tsc (emitDeclarationOnly).

const bundle: UserConfig = {
  publicDir: false,
  plugins: [minifyCssTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    modulePreload: false,
    rolldownOptions: {
      input: 'src/define.ts',
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'altitude-widgets.js', codeSplitting: false },
    },
  },
};

// The embed pages' script: like the bundle, plus Lit's hydration support and
// the height reporting. Kept apart so /widgets.js stays within its budget.
const embed: UserConfig = {
  ...bundle,
  build: {
    ...bundle.build,
    rolldownOptions: {
      input: 'src/embed.ts',
      preserveEntrySignatures: false,
      output: { format: 'es', entryFileNames: 'altitude-embed.js', codeSplitting: false },
    },
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
