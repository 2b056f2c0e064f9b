import { fallbackChain } from '@altitude/schema';
import { embedWords, type EmbedWords } from '../embeds/embed-words.js';

// The handouts' own words: the embeds' words (same headings as the snippets,
// so a reader sees one vocabulary) plus the few only a printed page needs.
// English is the source; other locales fall back to it word by word.

const ENGLISH = {
  whatChanges: 'What changes',
  whyPeopleStall: 'Why people stall',
  version: 'version',
  overlays: 'company overlay',
  upstream: 'built on upstream',
};

export type PrintWords = EmbedWords & typeof ENGLISH;

const CATALOGUES: Readonly<Record<string, Partial<typeof ENGLISH>>> = {
  de: {
    whatChanges: 'Was sich ändert',
    whyPeopleStall: 'Woran es oft hängt',
    version: 'Version',
    overlays: 'Unternehmens-Overlay',
    upstream: 'aufbauend auf',
  },
  ja: {
    whatChanges: '変わること',
    whyPeopleStall: '行き詰まる理由',
    version: 'バージョン',
    overlays: '企業オーバーレイ',
    upstream: 'ベース',
  },
};

export function printWords(locale: string): PrintWords {
  const own = fallbackChain(locale)
    .map((tag) => CATALOGUES[tag])
    .filter((c) => c !== undefined)
    .reverse();
  return Object.assign({}, embedWords(locale), ENGLISH, ...own) as PrintWords;
}
