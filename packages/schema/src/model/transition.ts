import { z } from 'zod';
import { MarkdownList, Slug, entityFields } from './common.js';

export const Transition = z
  .strictObject({
    ...entityFields,
    from: Slug.meta({ description: 'Slug of the level being left.' }),
    to: Slug.meta({ description: 'Slug of the level being reached; must rank above `from`.' }),
    whatChanges: MarkdownList('What is different on the other side of the step.'),
    whyPeopleStall: MarkdownList('Why capable people fail to make the step.'),
  })
  .meta({ description: 'The step from one level to the next.' });

export type TransitionInput = z.infer<typeof Transition>;
