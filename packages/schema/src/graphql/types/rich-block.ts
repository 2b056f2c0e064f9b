import { MAX_LIST_LEVEL } from '../../graph/rich-blocks.js';
import { RichBlockRef, RichSpanRef } from '../refs.js';
import { BlockStyle } from './block-style.js';
import { ListKind } from './list-kind.js';

RichBlockRef.implement({
  description: 'A paragraph, quoted paragraph or code block of rich text; a list item when `list` is set. Never empty.',
  fields: (t) => ({
    style: t.field({ type: BlockStyle, description: 'How the block is set.', resolve: (block) => block.style }),
    list: t.field({
      type: ListKind,
      nullable: true,
      description: 'The kind of list this block is an item of; null outside lists.',
      resolve: (block) => block.list,
    }),
    level: t.exposeInt('level', {
      description: `How deeply the list item is nested, from 1 to ${MAX_LIST_LEVEL} (deeper lists are served at ${MAX_LIST_LEVEL}); 0 outside lists.`,
    }),
    spans: t.field({
      type: [RichSpanRef],
      description: 'The text of the block, in runs of the same marks and link; at least one.',
      resolve: (block) => block.spans,
    }),
  }),
});
