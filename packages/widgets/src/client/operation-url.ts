/**
 * What the widgets accept. The server's response cache keys on it, so
 * `altitude build-static` asks with the same to get the widgets' bytes.
 */
export const OPERATION_ACCEPT = 'application/graphql-response+json, application/json';

/**
 * Where a widget GETs a persisted operation's answer. Two kinds of origin:
 *
 * - an Altitude server: `<endpoint>?id=<id>&variables=<json>`;
 * - a static copy written by `altitude build-static` (an endpoint ending in
 *   `/`, or the default beside a static build's widgets.js):
 *   `<endpoint><id>/<key>.json`, because plain file hosts ignore query strings.
 *
 * Both forms are canonical (keys sorted, nulls dropped), so every widget on
 * every page asks for the same URL and a CDN holds one copy of each answer.
 */
export function operationUrl(endpoint: string, id: string, variables: unknown): string {
  if (isStaticEndpoint(endpoint)) return new URL(staticOperationPath(id, variables), endpoint).href;
  const json = canonicalVariables(variables);
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}id=${id}${json === '{}' ? '' : `&variables=${encodeURIComponent(json)}`}`;
}

/** A static origin is a folder of files: its endpoint ends in `/`. */
export function isStaticEndpoint(endpoint: string): boolean {
  return new URL(endpoint).pathname.endsWith('/');
}

/** The variables as JSON with keys in order and null values left out (they mean the same as absent ones). */
export function canonicalVariables(variables: unknown): string {
  return JSON.stringify(variables ?? {}, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== null && v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : value,
  );
}

/**
 * The file, relative to a static origin, holding an operation's answer:
 * `<id>/slug=staff.json`, `<id>/slugs=staff,principal.json`, `<id>/_.json`
 * with no variables. Values are percent-encoded, so a value that is not a
 * slug can only miss, never reach another path.
 */
export function staticOperationPath(id: string, variables: unknown): string {
  const entries = Object.entries(JSON.parse(canonicalVariables(variables)) as Record<string, unknown>);
  const key = entries
    .map(
      ([name, value]) =>
        `${name}=${[value]
          .flat()
          .map((v) => encodeURIComponent(String(v)))
          .join(',')}`,
    )
    .join('&');
  return `${id}/${key || '_'}.json`;
}
