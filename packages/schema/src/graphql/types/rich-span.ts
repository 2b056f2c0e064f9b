import { RichSpanRef } from '../refs.js';
import { Mark } from './mark.js';

RichSpanRef.implement({
  description: 'A run of text with the same marks and link. Adjacent spans always differ in one or the other.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The text, to be shown as text, never parsed as HTML. "\\n" is a hard line break.' }),
    marks: t.field({
      type: [Mark],
      description: 'The formatting on the text, in the order STRONG, EM, CODE, DEL, each at most once; empty for plain text.',
      resolve: (span) => span.marks,
    }),
    href: t.field({
      type: 'URL',
      nullable: true,
      description:
        'Where the text links to: an http, https or mailto URL, checked on the server. Null when the text is not a link, or links anywhere else (its text is kept).',
      resolve: (span) => span.href,
    }),
  }),
});
