import { FrameworkVersionRef } from '../refs.js';

FrameworkVersionRef.implement({
  description: 'The version of the content being served.',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'Semantic version from the framework header.' }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 over all content; changes whenever anything changes.' }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When this exact content was released; null when it has unreleased changes.',
      resolve: (f) => f.currentRelease?.publishedAt ?? null,
    }),
    released: t.boolean({ description: 'Whether this exact content is a release.', resolve: (f) => f.currentRelease !== undefined }),
  }),
});
