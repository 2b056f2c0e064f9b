import { builder } from '../builder.js';
import type { Expectation } from '../../graph/types.js';
import { crossViewKey, encodeGlobalId, findNode } from '../global-id.js';
import { CONTENT_HASH_DESCRIPTION, KEY_DESCRIPTION } from '../identity.js';
import { DimensionRef, ExpectationRef, LevelRef, QuotationRef } from '../refs.js';
import { Basis } from './basis.js';
import { Origin } from './origin.js';
import { textField } from '../rich-text.js';

builder.node(ExpectationRef, {
  description:
    "One level's expectation on one dimension: a cell of the level comparison. Its own object, since it is what companies amend and translate.",
  id: { resolve: (e) => encodeGlobalId('Expectation', e.slug, e.view) },
  loadOne: (key, ctx) => findNode('Expectation', key, ctx.framework) as Expectation | null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Expectation',
  fields: (t) => ({
    key: t.string({ description: KEY_DESCRIPTION, resolve: (e) => crossViewKey('Expectation', e.slug) }),
    level: t.field({ type: LevelRef, description: 'The level.', resolve: (e) => e.level }),
    dimension: t.field({ type: DimensionRef, description: 'The dimension.', resolve: (e) => e.dimension }),
    headline: t.exposeString('headline', {
      description: 'A few words; read across a comparison row, the headlines show the step from one level to the next.',
    }),
    basis: t.field({
      type: Basis,
      description: "SOURCED when the cited sources say this of the level; INTERPRETED when it is the framework's reading.",
      resolve: (e) => e.basis,
    }),
    quotation: t.field({
      type: QuotationRef,
      nullable: true,
      description: 'The exact words the cell rests on, where they matter (the question a level asks).',
      resolve: (e) => e.quotation,
    }),
    contentHash: t.exposeString('contentHash', { description: CONTENT_HASH_DESCRIPTION }),
    origin: t.field({
      type: Origin,
      description: 'AMENDED when an overlay changed this cell; ADDED when its level or its dimension was added by one.',
      resolve: (e) => e.origin,
    }),
  }),
});

textField(ExpectationRef, 'text', 'What the level expects on the dimension.', (e) => e.text);
