/**
 * Finding runs of words our content shares with a source article, however
 * the two are spelled: case, punctuation, apostrophes and British against
 * American spelling (organisation/organization, judgement/judgment,
 * behaviour/behavior, modelling/modeling) do not hide a copied run. Both
 * sides go through the same folding, so a folding that is wrong for some
 * word (four/for) can only make the check stricter, never blind.
 */

/** Words whose British and American spellings differ in ways the endings below do not cover. */
const WORD_FOLDS: Record<string, string> = {
  judgement: 'judgment',
  judgements: 'judgments',
  centre: 'center',
  centres: 'centers',
  centred: 'centered',
  programme: 'program',
  programmes: 'programs',
  defence: 'defense',
  licence: 'license',
  catalogue: 'catalog',
  dialogue: 'dialog',
  grey: 'gray',
  towards: 'toward',
  whilst: 'while',
  amongst: 'among',
  learnt: 'learned',
  spelt: 'spelled',
  practise: 'practice',
  ageing: 'aging',
  acknowledgement: 'acknowledgment',
};

/** -our words (behaviour, favour): only these, as four, your and hour are not British spellings. */
const OUR_WORDS =
  /^(behavi|col|fav|hon|lab|neighb|rum|hum|flav|harb|endeav|sav|vig|cand|arm|rig|od|val|clam|glam)our(s|ed|ing|ite|ites|able|ably|al|ally)?$/;

/** One word, folded to the spelling both sides are compared in. */
export function foldWord(word: string): string {
  const folded = WORD_FOLDS[word];
  if (folded) return folded;
  let w = word;
  const our = OUR_WORDS.exec(w);
  if (our) w = w.replace(/our/, 'or');
  return (
    w
      // -ise, -ised, -ises, -ising, -isation(s), -iser(s) and -yse: organise, analyse.
      .replace(/is(e|ed|es|ing|er|ers|ation|ations|ational|ationally)$/, 'iz$1')
      .replace(/ys(e|ed|es|ing)$/, 'yz$1')
      // Doubled l before a suffix: modelling, travelled, labelled.
      .replace(/ll(ing|ed|er|ers)$/, 'l$1')
      // -tre: theatre, metre.
      .replace(/tre(s)?$/, 'ter$1')
  );
}

/** A text as folded words: lower case, apostrophes dropped, anything else not a letter or digit splits. */
export function foldedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’'‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(foldWord);
}

/** Every run of `length` consecutive folded words in the texts. */
export function wordRuns(texts: readonly string[], length: number): Set<string> {
  const runs = new Set<string>();
  for (const text of texts) {
    const w = foldedWords(text);
    for (let i = 0; i + length <= w.length; i++) runs.add(w.slice(i, i + length).join(' '));
  }
  return runs;
}

/** The runs of `length` words of `text` that are also in `runs` (overlapping runs each listed). */
export function sharedRuns(text: string, runs: ReadonlySet<string>, length: number): string[] {
  const w = foldedWords(text);
  const shared: string[] = [];
  for (let i = 0; i + length <= w.length; i++) {
    const run = w.slice(i, i + length).join(' ');
    if (runs.has(run)) shared.push(run);
  }
  return shared;
}
