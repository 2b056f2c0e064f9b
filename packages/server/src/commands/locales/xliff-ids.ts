/**
 * How Altitude's XLIFF files name things. One <file> per collection (and
 * `framework` for the header), one <group> per item, one <unit> per string:
 * a unit is what translation tools treat as one text (they may join or split
 * the segments inside it), so each string is a unit of its own.
 */

/** The namespace of Altitude's own attributes: XLIFF 2.0 lets a <unit> carry attributes of other namespaces. */
export const ALTITUDE_XLIFF_NAMESPACE = 'urn:altitude:xliff:1';
/** The hash of the English a unit was exported with, as `translatedFrom` records it. */
export const SOURCE_HASH_ATTRIBUTE = 'altitude:sourceHash';
/** The <file> of the framework's header (title, summary, description). */
export const HEADER_FILE = 'framework';

/**
 * A unit's id: unique in its <file> and a valid NMTOKEN, as XLIFF 2.0 asks —
 * the item's slug, then the string's key with list positions as plain parts:
 * `staff.expectations.time-horizon.text`, `super-coder.symptoms.2`.
 */
export function unitId(slug: string | undefined, key: string): string {
  const field = key.replace(/\[(\d+)\]/g, '.$1');
  return slug === undefined ? field : `${slug}.${field}`;
}
