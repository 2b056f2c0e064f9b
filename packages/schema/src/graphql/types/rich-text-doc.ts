import { RichBlockRef, RichTextDocRef } from '../refs.js';

RichTextDocRef.implement({
  description:
    'Rich text as data: a flat list of blocks of spans, so a client renders it with its own templates and never parses HTML. Nested lists are blocks with a `level`; links are spans with an `href`.',
  fields: (t) => ({
    blocks: t.field({
      type: [RichBlockRef],
      description: 'The blocks in reading order; consecutive blocks with a `list` are the items of one list.',
      resolve: (text) => text.blocks,
    }),
  }),
});
