/**
 * Where the widgets fetch from: the element's `endpoint` attribute, else
 * `<meta name="altitude-endpoint" content="…">`, else `/graphql` on the
 * origin that served this script — so the script tag alone is enough.
 */
export function resolveEndpoint(attribute: string | null | undefined, scriptUrl: string = import.meta.url): string {
  if (attribute) return new URL(attribute, document.baseURI).href;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="altitude-endpoint"]')?.content;
  if (meta) return new URL(meta, document.baseURI).href;
  return new URL('/graphql', scriptUrl).href;
}
