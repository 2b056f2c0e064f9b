import { JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.js';

builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value; here, the canonical JSON of an entity as exported (see /export/framework.schema.json).',
});
