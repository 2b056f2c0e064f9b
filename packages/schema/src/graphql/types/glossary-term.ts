import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { GlossaryTermRef } from '../refs.js';

builder.node(GlossaryTermRef, {
  description:
    'A word the framework uses in one sense throughout (team, area, domain, organisation, company…): `title` is the term, `summary` its definition.',
  ...entityNode('GlossaryTerm'),
  fields: () => ({}),
});
