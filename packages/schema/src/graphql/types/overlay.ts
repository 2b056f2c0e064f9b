import { OverlayRef } from '../refs.js';

OverlayRef.implement({
  description: "A company's overlay applied on top of the upstream framework: its own ladder, without a fork.",
  fields: (t) => ({
    name: t.exposeString('name', { description: "The overlay's name, as global IDs carry it." }),
    title: t.exposeString('title', { nullable: true, description: 'The title it gives the framework, when it gives one.' }),
  }),
});
