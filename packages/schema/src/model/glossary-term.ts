import { z } from 'zod';
import { entityFields } from './common.js';

export const GlossaryTerm = z
  .strictObject({
    ...entityFields,
  })
  .meta({
    description:
      'A word the framework uses in one sense throughout (team, area, domain, organisation, company): `title` is the term, `summary` its definition.',
  });

export type GlossaryTermInput = z.infer<typeof GlossaryTerm>;
