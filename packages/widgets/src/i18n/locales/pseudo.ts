import type { Message } from '../messages.js';

// The pseudo-locales the API also serves, made the same way from the
// widgets' English: `en-XA` accents every letter and runs about 40% longer
// (as German does), so layouts are tried with long words and text that is
// not English; `ar-XB` runs each word right to left, so layouts are tried
// mirrored. Placeholders and markup (`{level}`, `<meta …>`) stay as written.

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];
const FILLER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const KEPT = /(\{\w+\}|<[^>]*>)/;

/** Changes the words of a message, leaving its placeholders and markup alone. */
const outsideKept = (text: string, change: (words: string) => string) =>
  text
    .split(KEPT)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');

function longer(text: string): string {
  const extra: string[] = [];
  for (let length = -1, i = 0; length < text.length * 0.4; i++) {
    const word = FILLER[i % FILLER.length]!;
    extra.push(word);
    length += word.length + 1;
  }
  return `[${outsideKept(text, (part) => part.replace(/[A-Za-z]/g, (c) => ACCENTED[PLAIN.indexOf(c)]!))} ${extra.join(' ')}]`;
}

/** Each word between right-to-left override marks, so the text reads as right-to-left script does. */
const rightToLeft = (text: string) => outsideKept(text, (part) => part.replace(/[A-Za-z][A-Za-z'’-]*/g, (word) => `\u202e${word}\u202c`));

/** The pseudo-locale's catalogue: each message made from its English when it is said. */
export const pseudoCatalogue = (tag: 'en-XA' | 'ar-XB'): ((english: Message) => string) => (tag === 'en-XA' ? longer : rightToLeft);
