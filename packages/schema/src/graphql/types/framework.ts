import { ENTITY_COUNT_DESCRIPTION } from '../identity.js';
import { FrameworkRef, OverlayRef } from '../refs.js';
import { optionalTextField, textField } from '../rich-text.js';

FrameworkRef.implement({
  description: 'The Distinguished Engineer role framework as a whole.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Name of the framework.' }),
    version: t.exposeString('version', { description: 'Semantic version of the content.' }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 over every entity; changes whenever any content changes.' }),
    upstreamVersion: t.string({
      description: 'The version of the upstream framework served, or the overlays were applied to.',
      resolve: (f) => (f.upstream ?? f).version,
    }),
    overlays: t.field({
      type: [OverlayRef],
      description: 'The overlays applied on top of the upstream framework, in order; empty when it is served as published.',
      resolve: (f) => f.overlays,
    }),
    entityCount: t.int({ description: ENTITY_COUNT_DESCRIPTION, resolve: (f) => f.entities.length + f.sources.length }),
  }),
});

textField(FrameworkRef, 'summary', 'What the framework is, in a few sentences.', (f) => f.summary);
optionalTextField(
  FrameworkRef,
  'description',
  'The framework in a few short paragraphs: what it rests on and what it claims.',
  (f) => f.description,
);
