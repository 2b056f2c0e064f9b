// The xliff package ships no types; ../../types/xliff.d.ts declares what Altitude uses (both tsconfigs include it).
// The one module that imports the package.
export { js2xliff, xliff2js, type XliffGroup, type XliffUnit, type XliffValue } from 'xliff';
