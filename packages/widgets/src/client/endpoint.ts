import { WidgetError, words } from '../i18n/messages.js';

// The split build puts this module in a chunk one folder below the loader
// (/widgets/common-….js beside /widgets.js) and defines the step up; the
// one-file builds and the sources sit beside the script themselves.
declare const __ALTITUDE_ENDPOINT_FROM_SCRIPT__: string | undefined;
const FROM_SCRIPT = typeof __ALTITUDE_ENDPOINT_FROM_SCRIPT__ === 'string' ? __ALTITUDE_ENDPOINT_FROM_SCRIPT__ : './graphql';

/**
 * Where the widgets fetch from: the element's `endpoint` attribute, else
 * `<meta name="altitude-endpoint" content="…">`, else `graphql` beside the
 * script (https://host/widgets.js → https://host/graphql, and behind a path
 * prefix https://host/altitude/widgets.js → https://host/altitude/graphql) —
 * so the script tag alone is enough. Only http(s) endpoints are used.
 */
export function resolveEndpoint(attribute: string | null | undefined, scriptUrl: string = import.meta.url): string {
  // No document on a server rendering the widgets: there, the endpoint is always given.
  const page = typeof document === 'undefined' ? undefined : document;
  const chosen = attribute?.trim() || page?.querySelector<HTMLMetaElement>('meta[name="altitude-endpoint"]')?.content.trim();
  // `altitude build-static` rewrites the one literal to './graphql/' (or '../graphql/') in its copy of the scripts.
  const url = chosen ? new URL(chosen, page?.baseURI) : new URL(FROM_SCRIPT, scriptUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WidgetError(
      chosen
        ? words('The endpoint "{endpoint}" is not an http(s) URL.', { endpoint: chosen })
        : words('No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).', {
            script: scriptUrl,
          }),
    );
  }
  return url.href;
}
