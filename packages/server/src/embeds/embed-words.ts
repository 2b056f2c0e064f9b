import { fallbackChain } from '@altitude/schema';

// The few words of the embed pages' titles and the snippets that are the
// server's own rather than the content's (headings such as "Symptoms", how a
// comparison is titled). The content arrives translated from the loader; these
// are translated here, English being the source and what any other locale
// falls back to, word by word. The widgets carry their own words.

const englishList = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
const list = (locale: string) => (names: readonly string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);

const ENGLISH = {
  /** The title of a comparison of these levels. */
  compared: (names: readonly string[]) => `${englishList(names)} compared`,
  failureModes: 'How companies get the role wrong',
  leverageMechanisms: 'How Distinguished Engineers create leverage',
  symptoms: 'Symptoms',
  consequences: 'Consequences',
  prevents: 'What prevents it',
  sources: 'Sources',
  dimension: 'Dimension',
  expects: 'What the level expects',
  signsBelow: 'Signs of operating below this level',
  steps: 'Steps in and out',
  from: (level: string) => `From ${level}`,
  onTo: (level: string) => `On to ${level}`,
  movingBetween: 'Moving between these levels',
  /** What the † after an interpreted item means. */
  interpretedNote: "The framework's reading, built on its sources rather than stated by them.",
  // The tools' titles, as their widgets head them.
  selfAssessment: (level: string) => `Self-assessment against ${level}`,
  roleHealthCheck: 'Is the organisation getting the role wrong?',
};

export type EmbedWords = typeof ENGLISH;

const CATALOGUES: Readonly<Record<string, Partial<EmbedWords>>> = {
  de: {
    compared: (names) => `${list('de')(names)} im Vergleich`,
    failureModes: 'Was Unternehmen bei der Rolle falsch machen',
    leverageMechanisms: 'Wie Distinguished Engineers Hebelwirkung erzeugen',
    symptoms: 'Anzeichen',
    consequences: 'Folgen',
    prevents: 'Was dem vorbeugt',
    sources: 'Quellen',
    dimension: 'Dimension',
    expects: 'Was die Stufe erwartet',
    signsBelow: 'Anzeichen, dass jemand unterhalb dieser Stufe arbeitet',
    steps: 'Übergänge von und zu dieser Stufe',
    from: (level) => `Von ${level}`,
    onTo: (level) => `Weiter zu ${level}`,
    movingBetween: 'Übergänge zwischen diesen Stufen',
    interpretedNote: 'Eine eigene Einschätzung des Frameworks: auf seine Quellen gestützt, aber nicht von ihnen ausgesagt.',
    selfAssessment: (level) => `Selbsteinschätzung gemessen an ${level}`,
    roleHealthCheck: 'Macht die Organisation bei der Rolle etwas falsch?',
  },
  ja: {
    compared: (names) => `${list('ja')(names)}の比較`,
    failureModes: '会社がこの役割で陥りやすい失敗',
    leverageMechanisms: 'ディスティングイッシュトエンジニアがレバレッジを生み出す方法',
    symptoms: '兆候',
    consequences: 'もたらす結果',
    prevents: '防ぐには',
    sources: '出典',
    dimension: '観点',
    expects: 'このレベルに期待されること',
    signsBelow: 'このレベルに達していない働き方の兆候',
    steps: 'このレベルへの移行と次のレベルへの移行',
    from: (level) => `${level}から`,
    onTo: (level) => `${level}へ`,
    movingBetween: 'これらのレベル間の移行',
    interpretedNote: '出典に明記されたものではなく、出典をもとにした本フレームワーク独自の解釈です。',
    selfAssessment: (level) => `${level}を目標とした自己評価`,
    roleHealthCheck: '組織はこの役割を誤って運用していないか',
  },
};

/**
 * The server's words in a locale: each from the first locale of its chain
 * that has it (`de-CH` → `de`), else English. The pseudo-locales have none of
 * their own, so `en-XA` and `ar-XB` show these in English beside their
 * generated content.
 */
export function embedWords(locale: string): EmbedWords {
  const chain = fallbackChain(locale)
    .map((tag) => CATALOGUES[tag])
    .filter((c) => c !== undefined);
  return Object.assign({}, ENGLISH, ...chain.reverse()) as EmbedWords;
}

/** The English words, for code that has no locale (and for tests). */
export const ENGLISH_WORDS: EmbedWords = ENGLISH;
