import { compareHandout } from './compare-handout.js';
import { levelHandout } from './level-handout.js';
import { footerText, handoutDate, printDocument, type PrintPage } from './print-layout.js';
import type { PrintRequest } from './print-request.js';
import { printWords } from './print-words.js';

/** A checked print request as a complete page, in its locale, laid out for its paper. */
export function renderPrint(request: PrintRequest, now: () => Date = () => new Date()): PrintPage {
  const { framework } = request;
  const words = printWords(request.locale);
  const { title, body } =
    request.kind === 'level' ? levelHandout(request.level, framework, words) : compareHandout(request.levels, framework, words);
  const footer = footerText(framework, words, handoutDate(framework, now));
  return printDocument(title, body, { lang: request.locale, dir: request.direction }, request.paper, footer);
}
