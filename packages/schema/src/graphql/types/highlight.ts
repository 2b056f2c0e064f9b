import { HighlightRef, TextRangeRef } from '../refs.js';

HighlightRef.implement({
  description: 'A short passage of a search hit with the matched words marked.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Plain text, about 160 characters, with … where it was cut.' }),
    html: t.exposeString('html', { description: 'The text HTML-escaped, each matched word wrapped in <mark>.' }),
    highlights: t.field({ type: [TextRangeRef], description: 'Where the matched words are in `text`.', resolve: (s) => s.highlights }),
  }),
});
