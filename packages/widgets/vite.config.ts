import { defineConfig } from 'vite';

// The self-contained bundle for <script type="module" src=".../widgets.js">:
// every element registered, Lit and DOMPurify included, one minified ES
// module. (Vite's library mode would leave ES output unminified.)
// Per-component modules for npm users, with Lit as a peer, are tsc's output in dist/.
export default defineConfig({
  publicDir: false,
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
});
