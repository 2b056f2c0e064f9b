// Generates custom-elements.json (the component docs and IDE metadata) from
// the JSDoc on each element class. The framework integrations (React wrappers,
// JSX and Vue types, editor data) are generated from this file in turn, by
// scripts/integrations.mjs.

/**
 * What each Altitude event carries, as the event object's type. AltitudeElement
 * dispatches `de-load` and `de-error` from one method whose event name is a
 * variable, so the analyzer sees neither their types nor, without help, that
 * `type` is not an event of its own; the element sources stay as they are.
 */
const EVENT_TYPES = {
  'de-load': 'CustomEvent<null>',
  'de-error': 'CustomEvent<{ message: string }>',
  'de-change': 'CustomEvent<{ checked: string[] }>',
};

/** Events the analyzer reads from `new CustomEvent(variable, …)`: not event names. */
const PHANTOM_EVENTS = new Set(['type']);

export default {
  globs: ['src/**/*.ts'],
  // The language catalogues are data, not API: the manifest would quote each whole.
  // The React wrappers are generated from the manifest, not described by it.
  exclude: ['src/**/*.test.ts', 'src/queries/generated.ts', 'src/i18n/locales/**', 'src/react/**'],
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The glob walks the file system in whatever order it lists directories;
      // sorting keeps the committed manifest identical on every machine.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      // Runs after inheritance is applied, so each element's inherited events and attributes are in place.
      name: 'altitude-event-contract',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => !PHANTOM_EVENTS.has(event.name));
            for (const event of declaration.events) {
              const type = EVENT_TYPES[event.name];
              if (type) event.type = { text: type };
            }
          }
          // `lang` is HTMLElement's own property: naming it lets typed integrations look its type up on the class.
          for (const attribute of declaration.attributes ?? []) if (attribute.name === 'lang') attribute.fieldName ??= 'lang';
        }
      },
    },
  ],
};
