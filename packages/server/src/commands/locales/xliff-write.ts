import { collectionNames, SOURCE_LOCALE, type TranslationItem, type TranslationString } from '@altitude/schema';
import { js2xliff, xliff2js, type XliffGroup, type XliffUnit } from './xliff-library.js';
import { ALTITUDE_XLIFF_NAMESPACE, HEADER_FILE, SOURCE_HASH_ATTRIBUTE, unitId } from './xliff-ids.js';
import { libraryReadsAs } from './xliff-text.js';

export interface ExportCounts {
  missing: number;
  stale: number;
  translated: number;
}

export interface XliffExport {
  /** Undefined when no string was chosen: XLIFF 2.0 needs at least one <file>. */
  readonly xml: string | undefined;
  readonly counts: ExportCounts;
  readonly units: number;
}

/** Markdown syntax a translator must keep: emphasis, code, links, headings, quotes, list markers. */
const MARKDOWN = /[*_`[\]#]|^\s*(?:[-+>]|\d+\.)\s/m;

/**
 * An XLIFF 2.0 document for translating the items into `tag`: each string
 * chosen (by default the missing and stale ones) as a unit with the English
 * as <source>, the locale's current translation as <target> when it has one
 * (a stale one, for the translator to revise), the hash of the English in an
 * attribute of Altitude's namespace, notes giving the translator context, and
 * the segment's state: `initial` for missing and stale (with
 * `subState="altitude:stale"`), `translated` otherwise.
 */
export async function writeXliff(tag: string, items: readonly TranslationItem[], options: { all: boolean }): Promise<XliffExport> {
  const counts: ExportCounts = { missing: 0, stale: 0, translated: 0 };
  const resources: Record<string, Record<string, XliffUnit | XliffGroup>> = {};
  const expected: { file: string; unit: string; string: TranslationString }[] = [];
  const order = [HEADER_FILE, ...collectionNames] as string[];
  const sorted = [...items].sort((a, b) => order.indexOf(a.collection) - order.indexOf(b.collection));
  for (const item of sorted) {
    const chosen = item.strings.filter((s) => options.all || s.state !== 'translated');
    if (chosen.length === 0) continue;
    const units: Record<string, XliffUnit> = {};
    for (const string of chosen) {
      counts[string.state]++;
      const id = unitId(item.slug, string.key);
      units[id] = unitFor(string);
      expected.push({ file: item.collection, unit: id, string });
    }
    const file = (resources[item.collection] ??= {});
    if (item.slug === undefined) Object.assign(file, units);
    else file[item.slug] = { groupUnits: units, additionalAttributes: { name: `${item.collection}/${item.slug}` } };
  }
  if (expected.length === 0) return { xml: undefined, counts, units: 0 };

  const written = await js2xliff({ sourceLanguage: SOURCE_LOCALE, targetLanguage: tag, resources }, { indent: '  ' });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${withSegmentStates(written, new Map(expected.map((e) => [`${e.file} ${e.unit}`, e.string.state])))}`;
  await checkReadsBack(xml, expected);
  return { xml, counts, units: expected.length };
}

function unitFor(string: TranslationString): XliffUnit {
  const notes = [
    string.description,
    string.maxLength === undefined ? undefined : `At most ${string.maxLength} characters.`,
    MARKDOWN.test(string.source) ? 'Markdown: keep its markup (emphasis, `code`, [links](…), lists) as the English has it.' : undefined,
    string.state === 'stale'
      ? 'The English has changed since the current translation (the target) was made: revise it to say what the English says now.'
      : undefined,
  ].filter((n): n is string => n !== undefined);
  return {
    source: forLibrary(string.source),
    ...(string.translation ? { target: forLibrary(string.translation.text) } : {}),
    ...(notes.length ? { note: notes.map(forLibrary) } : {}),
    additionalAttributes: { name: string.key, 'xmlns:altitude': ALTITUDE_XLIFF_NAMESPACE, [SOURCE_HASH_ATTRIBUTE]: string.hash },
  };
}

/**
 * Text as the library must be given it to write it as it is: its XML writer
 * (xml-js) turns `&amp;` into `&` before escaping, so `AT&amp;T` in Markdown
 * would come back as `AT&T`; escaping every `&` first makes that step undo
 * exactly our escape. `checkReadsBack` proves it for every file written.
 */
const forLibrary = (text: string) => text.replaceAll('&', '&amp;');

const SEGMENT_STATE = {
  missing: 'state="initial"',
  stale: 'state="initial" subState="altitude:stale"',
  translated: 'state="translated"',
} as const;

/**
 * The library writes no attributes on <segment>, where XLIFF 2.0 keeps a
 * translation's state; each unit it wrote has exactly one, after its notes,
 * whose text is escaped, so a literal `<segment>` can only be that element.
 */
function withSegmentStates(xml: string, states: ReadonlyMap<string, keyof typeof SEGMENT_STATE>): string {
  let file = '';
  let unit = '';
  let written = 0;
  const out = xml.replace(/<file id="([^"]*)"|<unit id="([^"]*)"|<segment>/g, (match, fileId?: string, id?: string) => {
    if (fileId !== undefined) file = fileId;
    else if (id !== undefined) unit = id;
    else {
      const state = states.get(`${file} ${unit}`);
      if (!state) throw new Error(`the XLIFF writer wrote a segment for an unknown unit ${file}/${unit}`);
      written++;
      return `<segment ${SEGMENT_STATE[state]}>`;
    }
    return match;
  });
  if (written !== states.size) throw new Error(`the XLIFF writer wrote ${written} segments for ${states.size} units`);
  return out;
}

/** Reads the document back with the library, as `locales import` will, and fails unless every text survives. */
async function checkReadsBack(xml: string, expected: readonly { file: string; unit: string; string: TranslationString }[]): Promise<void> {
  const read = await xliff2js(xml);
  for (const { file, unit, string } of expected) {
    const entries = read.resources?.[file] ?? {};
    const group = file === HEADER_FILE ? undefined : entries[unit.slice(0, unit.indexOf('.'))];
    const entry = group && 'groupUnits' in group ? group.groupUnits[unit] : entries[unit];
    const found = entry && !('groupUnits' in entry) ? entry : undefined;
    const same = (value: unknown, text: string | undefined) => text === undefined || value === libraryReadsAs(text);
    if (!found || !same(found.source, string.source) || !same(found.target, string.translation?.text))
      throw new Error(`the XLIFF library does not read ${file}/${unit} back as it was written; please report this with the string`);
  }
}
