import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { mergeTranslations, TranslationEditError, type TranslationEdit } from './write-translations.js';

const germanLevels = () => readFile(path.join(DEFAULT_CONTENT_DIR, 'locales', 'de', 'levels.yaml'), 'utf8');
const edit = (fields: Partial<TranslationEdit> & Pick<TranslationEdit, 'path' | 'text'>): TranslationEdit => ({
  collection: 'levels',
  slug: 'staff',
  key: fields.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''),
  hash: 'abcdef012345',
  ...fields,
});

/** The lines that differ, for two texts with as many lines. */
function differentLines(before: string, after: string): [string, string][] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

/** Whether every line of `before` is in `after`, in order: nothing was changed or dropped, only added. */
function onlyAdded(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    at = lines.indexOf(line, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

describe('mergeTranslations into an existing file', () => {
  it('changes only the string and its hash: comments, wrapping and every other line stay byte for byte', async () => {
    const original = (await germanLevels())
      .replace('  - slug: staff\n', '  # Reviewed by the German team.\n  - slug: staff\n')
      .replace('    title: Staff Engineer\n', '    title: Staff Engineer # kept in English on purpose\n');
    const merged = mergeTranslations(
      original,
      [edit({ path: ['expectations', 'time-horizon', 'headline'], text: 'Einige Monate', hash: '0123456789ab' })],
      'unused',
    );
    expect(differentLines(original, merged)).toEqual([
      ['        headline: Monate bis einige Quartale', '        headline: Einige Monate'],
      ['      expectations.time-horizon.headline: db69f863c101', '      expectations.time-horizon.headline: 0123456789ab'],
    ]);
    expect(merged).toContain('  # Reviewed by the German team.\n  - slug: staff\n');
    expect(merged).toContain('    title: Staff Engineer # kept in English on purpose\n');
    const staff = (parse(merged) as { levels: Record<string, any>[] }).levels[0]!;
    expect(staff.expectations['time-horizon'].headline).toBe('Einige Monate');
  });

  it('adds new fields before translatedFrom, list entries at the end of their list, entries and collections at the end', async () => {
    const original = await germanLevels();
    const merged = mergeTranslations(
      original,
      [
        edit({ path: ['interpretation'], text: 'Eine Deutung.' }),
        edit({ path: ['signalsBelow', 3, 'text'], text: 'Ein viertes Zeichen.' }),
        edit({ slug: 'fellow', path: ['title'], text: 'Fellow' }),
        edit({ collection: 'glossary', slug: 'team', path: ['title'], text: 'Team' }),
        edit({ collection: 'framework', slug: undefined, path: ['title'], text: 'Rahmenwerk' }),
      ],
      'unused',
    );
    expect(onlyAdded(original, merged)).toBe(true);
    const data = parse(merged) as Record<string, any>;
    const staff = data.levels[0];
    expect(Object.keys(staff).slice(-2)).toEqual(['interpretation', 'translatedFrom']);
    expect(staff.signalsBelow.map((s: { text: string }) => s.text).at(-1)).toBe('Ein viertes Zeichen.');
    expect(staff.translatedFrom['signalsBelow[3].text']).toBe('abcdef012345');
    expect(data.levels.at(-1)).toEqual({ slug: 'fellow', title: 'Fellow', translatedFrom: { title: 'abcdef012345' } });
    expect(data.glossary).toEqual([{ slug: 'team', title: 'Team', translatedFrom: { title: 'abcdef012345' } }]);
    expect(data.framework).toEqual({ title: 'Rahmenwerk', translatedFrom: { title: 'abcdef012345' } });
  });

  it('keeps every string exactly, Markdown and YAML-significant characters included, and a hash of digits a string', () => {
    const texts = [
      'AT&amp;T & **bold** <b>html</b>: a "quote" and a \'single\' one, # not a comment',
      '- starts like a list item',
      'line one\n\n  indented second paragraph\n',
      'trailing spaces   ',
      '[link](https://example.com/a?b=c&d=e) `code: yes`',
    ];
    const merged = mergeTranslations(
      'failureModes:\n  - slug: super-coder\n    title: Alt\n',
      texts.map((text, i) => edit({ collection: 'failureModes', slug: 'super-coder', path: ['symptoms', i], text, hash: '123456789012' })),
      'unused',
    );
    const entry = (parse(merged) as { failureModes: Record<string, any>[] }).failureModes[0]!;
    expect(entry.symptoms).toEqual(texts);
    expect(entry.translatedFrom['symptoms[0]']).toBe('123456789012');
  });

  it('writes a new file with its heading, as the shipped files are laid out', () => {
    const merged = mergeTranslations(
      undefined,
      [
        edit({ path: ['title'], text: 'Ingénieur Staff' }),
        edit({
          path: ['summary'],
          text: 'Dirige le travail technique d’une équipe ou de plusieurs, et répond des résultats d’un domaine précis.',
        }),
      ],
      'fr: translation of levels.yaml',
    );
    expect(merged).toBe(
      [
        '# fr: translation of levels.yaml',
        '',
        'levels:',
        '  - slug: staff',
        '    title: Ingénieur Staff',
        '    summary: >-',
        '      Dirige le travail technique d’une équipe ou de plusieurs, et répond des résultats d’un domaine',
        '      précis.',
        '    translatedFrom:',
        '      title: abcdef012345',
        '      summary: abcdef012345',
        '',
      ].join('\n'),
    );
  });

  it('writes the whole file out again, data intact, when a layout cannot be patched', () => {
    const original = '# flow style\nlevels: [{ slug: staff, title: Alt, translatedFrom: { title: aaaaaaaaaaaa } }]\n';
    const merged = mergeTranslations(original, [edit({ path: ['summary'], text: 'Neu' })], 'unused');
    expect(parse(merged)).toEqual({
      levels: [{ slug: 'staff', title: 'Alt', summary: 'Neu', translatedFrom: { title: 'aaaaaaaaaaaa', summary: 'abcdef012345' } }],
    });
    expect(merged).toContain('# flow style');
  });

  it('refuses a list entry that would leave a gap in the translated list', () => {
    expect(() =>
      mergeTranslations(
        'levels:\n  - slug: staff\n    signalsBelow:\n      - text: Eins\n',
        [edit({ path: ['signalsBelow', 2, 'text'], text: 'Drei' })],
        '',
      ),
    ).toThrow(TranslationEditError);
  });
});
