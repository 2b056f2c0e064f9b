import { TextRangeRef } from '../refs.js';

TextRangeRef.implement({
  description: 'A span of a string, as UTF-16 offsets (JavaScript string indices).',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character.' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
  }),
});
