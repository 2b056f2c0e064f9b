// Generates custom-elements.json (the component docs and IDE metadata) from
// the JSDoc on each element class.
export default {
  globs: ['src/**/*.ts'],
  // The language catalogues are data, not API: the manifest would quote each whole.
  exclude: ['src/**/*.test.ts', 'src/queries/generated.ts', 'src/i18n/locales/**'],
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The glob walks the file system in whatever order it lists directories;
      // sorting keeps the committed manifest identical on every machine.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
