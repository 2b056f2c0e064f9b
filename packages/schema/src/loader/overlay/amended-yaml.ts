import type { PathSegment } from '../field-path.js';
import type { YamlFile } from '../yaml-file.js';
import { isMapping } from './merge-patch.js';

/** Whether the patch written in the overlay gives a value at `path` (relative to the entry). */
function patchHas(patch: unknown, path: readonly PathSegment[]): boolean {
  let at: unknown = patch;
  for (const segment of path) {
    if (Array.isArray(at) && typeof segment === 'number') at = at[segment];
    else if (isMapping(at) && typeof segment === 'string' && segment in at) at = at[segment];
    // A path into a list the patch replaces, or past a value it gives, is still the patch's.
    else return at !== patch && !isMapping(at);
  }
  return true;
}

/**
 * Where an amended item's problems are reported: in the overlay, at the value
 * the overlay wrote or, for a value it kept from upstream, at the nearest
 * part of the entry, saying so (the upstream file may be inside node_modules,
 * and the fix is an amendment anyway).
 */
export function amendedYaml(
  overlay: { readonly yaml: YamlFile; readonly path: readonly PathSegment[]; readonly fields: unknown },
  slug: string,
): YamlFile {
  const written = (path: readonly PathSegment[]) => {
    const rel = path.slice(overlay.path.length);
    return rel.length === 0 || patchHas(overlay.fields, rel);
  };
  return {
    ...overlay.yaml,
    errorAt: (path, message, at) =>
      overlay.yaml.errorAt(
        path,
        written(path) ? message : `${message} (kept from the upstream "${slug}" this entry amends: amend the field here to change it)`,
        at,
      ),
  };
}

/**
 * An upstream item that an overlay stack left as it is: its problems (a
 * new dimension it has no expectation for, a hidden item it refers to) are
 * still reported where it is written, with the way to fix them from the overlay.
 */
export function upstreamYaml(yaml: YamlFile, overlayNames: readonly string[]): YamlFile {
  return {
    ...yaml,
    errorAt: (path, message, at) => {
      const error = yaml.errorAt(path, message, at);
      return { ...error, message: `${message} (an upstream item: amend it in overlay ${overlayNames.join(' or ')})` };
    },
  };
}
