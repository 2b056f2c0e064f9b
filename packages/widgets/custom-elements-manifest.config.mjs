// Generates custom-elements.json (the component docs and IDE metadata) from
// the JSDoc on each element class.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/queries/generated.ts'],
  litelement: true,
};
