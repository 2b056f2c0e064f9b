import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import type { Answers } from './answers.js';
import type { Ladder } from './axes.js';
import { levelAt, positionOf } from './profile.js';

// The profile is one table: a row per axis, its name, a small chart of where
// the person (and a second rater) stand against the target, and the same in
// words. The charts are pictures of the words beside them, hidden from
// assistive technology, so a screen reader reads an ordinary table and
// nothing is said twice. Each chart column is a place on the ladder ("not
// yet", then each level); marks sit in its middle, placed in percent, so
// the picture keeps its shape at any width without a viewBox to stretch it.

export interface SecondRater {
  readonly name: string;
  readonly answers: Answers;
  /** The axes the two raters answered differently. */
  readonly differ: ReadonlySet<string>;
}

/** The centre of a ladder place, as a percentage of the track. */
const centre = (position: number, places: number) => `${((position + 0.5) / places) * 100}%`;

/** A mark centred on a place: a nested svg moves the origin there, so every shape is drawn around 0,0. */
const mark = (position: number, places: number, shape: SVGTemplateResult) =>
  svg`<svg x=${centre(position, places)} y="50%" overflow="visible">${shape}</svg>`;

const SHAPES = {
  target: svg`<circle class="target" r="9"></circle>`,
  mine: svg`<circle class="mine" r="5"></circle>`,
  // Larger than the dot, so the dot shows inside it where the two raters agree.
  theirs: svg`<rect class="theirs" x="-6.5" y="-6.5" width="13" height="13"></rect>`,
};

/** One row's chart: the track, the target ring, the person's dot and the second rater's square. */
function track(places: number, target: number, mine?: number, theirs?: number): TemplateResult {
  return html`<svg class="track" part="chart" aria-hidden="true" width="100%" height="24" focusable="false">
    <line x1=${centre(0, places)} x2=${centre(places - 1, places)} y1="50%" y2="50%"></line>
    ${Array.from({ length: places }, (_, p) => svg`<circle class="tick" cx=${centre(p, places)} cy="50%" r="2"></circle>`)}
    ${mark(target, places, SHAPES.target)} ${theirs === undefined ? nothing : mark(theirs, places, SHAPES.theirs)}
    ${mine === undefined ? nothing : mark(mine, places, SHAPES.mine)}
  </svg>`;
}

/** The key to the marks, drawn with the same shapes. */
function legend(t: Translate, targetTitle: string, second: boolean): TemplateResult {
  const key = (shape: SVGTemplateResult, label: string) =>
    html`<li><svg aria-hidden="true" width="20" height="20" focusable="false">${mark(0, 1, shape)}</svg> ${label}</li>`;
  return html`<ul class="legend" part="chart-legend" aria-hidden="true">
    ${key(SHAPES.mine, t('You'))} ${key(SHAPES.target, t('Target: {level}', { level: targetTitle }))}
    ${second ? key(SHAPES.theirs, t('Second rater')) : nothing}
  </ul>`;
}

/**
 * The profile table. `target` is a ladder position; a row's gap is counted
 * in levels. The second rater's column marks a differing answer with a sign
 * and the word, never with colour alone.
 */
export function profileTable(ladder: Ladder, mine: Answers, target: number, t: Translate, second?: SecondRater): TemplateResult {
  const places = ladder.levels.length + 1;
  const targetLevel = levelAt(ladder, target)!;
  const say = (position: number | undefined) =>
    position === undefined
      ? html`<span class="open">${t('Not answered')}</span>`
      : position === 0
        ? t('Not yet')
        : html`<span lang=${levelAt(ladder, position)!.title.lang}>${levelAt(ladder, position)!.title.text}</span>`;
  // A narrow page scrolls the table within its own box, reachable by keyboard, rather than overflowing the widget.
  return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="profile-caption">
      <table class="profile" part="profile">
      <caption id="profile-caption">
        ${t('Where you operate on each axis, against {level}', { level: targetLevel.title.text })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('Area')}</th>
          <th class="scale" aria-hidden="true">
            <div class="names"><span>${t('Not yet')}</span>${ladder.levels.map((l) => html`<span lang=${l.title.lang}>${l.title.text}</span>`)}</div>
          </th>
          <th scope="col">${t('You')}</th>
          ${second ? html`<th scope="col">${second.name || t('Second rater')}</th>` : nothing}
          <th scope="col">${t('Gap to target')}</th>
        </tr>
      </thead>
      <tbody>
        ${ladder.axes.map((axis) => {
          const at = positionOf(ladder, mine.get(axis.key));
          const theirs = second ? positionOf(ladder, second.answers.get(axis.key)) : undefined;
          const differs = second?.differ.has(axis.key);
          return html`<tr class=${differs ? 'differs' : ''}>
            <th scope="row" lang=${axis.title.lang}>${axis.title.text}</th>
            <td class="scale">${track(places, target, at, theirs)}</td>
            <td>${say(at)}</td>
            ${
              second
                ? html`<td>
                  ${say(theirs)}${
                    differs
                      ? html` <span class="differs-mark" part="differs"><span aria-hidden="true">≠ </span>${t('differs')}</span>`
                      : nothing
                  }
                </td>`
                : nothing
            }
            <td>${at === undefined ? '' : at >= target ? t('On target') : t('Levels to go: {count}', { count: target - at })}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>
    ${legend(t, targetLevel.title.text, second !== undefined)}`;
}
