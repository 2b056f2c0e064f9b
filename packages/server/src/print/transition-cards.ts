import { escapeHtml, type RichText, type Transition } from '@altitude/schema';
import { printRich } from './print-layout.js';
import type { PrintWords } from './print-words.js';

const list = (items: readonly RichText[]) => `<ul>${items.map((i) => `<li>${printRich(i)}</li>`).join('')}</ul>`;

/** One step between levels as a card that never splits across pages: what changes and why people stall. */
export function transitionCard(transition: Transition, heading: string, words: PrintWords): string {
  return `<div class="card"><h3>${escapeHtml(heading)}</h3>${printRich(transition.summary)}${
    transition.whatChanges.length ? `<p><strong>${escapeHtml(words.whatChanges)}</strong></p>${list(transition.whatChanges)}` : ''
  }${transition.whyPeopleStall.length ? `<p><strong>${escapeHtml(words.whyPeopleStall)}</strong></p>${list(transition.whyPeopleStall)}` : ''}</div>`;
}
