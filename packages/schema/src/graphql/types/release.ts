import { ReleaseRef } from '../refs.js';

ReleaseRef.implement({
  description: 'A published version of the framework, frozen as a snapshot under content/releases/.',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'Semantic version.' }),
    contentHash: t.exposeString('contentHash', { description: 'Content hash of the framework as released.' }),
    publishedAt: t.exposeString('publishedAt', { description: 'When it was released (ISO 8601).' }),
    entityCount: t.int({
      description: 'How many entities and sources the release holds.',
      resolve: (r) => Object.entries(r.snapshot).reduce((n, [, v]) => n + (Array.isArray(v) ? v.length : 0), 0),
    }),
  }),
});
