import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import { heading } from '../shared/templates.js';
import type { Served } from './axes.js';
import type { Ladder } from './axes.js';
import type { Answers } from './answers.js';
import { attemptedStep, gapsTo, levelAt, medianPosition, type Gap } from './profile.js';

// What the answers mean for the person: the gaps to the target with both
// descriptions side by side, the capabilities to grow, the step they are
// attempting and why people stall on it, and the signs of operating below
// the level they hold. Everything here is derived from the answers in the
// browser; it is printed as the summary.

const text = (s: Served | undefined) => (s ? html`<span lang=${s.lang}>${s.text}</span>` : nothing);

/** A level's description of an axis: its headline (dimensions have one) and text. */
function description(ladder: Ladder, gap: Gap, position: number, t: Translate): TemplateResult {
  const level = levelAt(ladder, position);
  const note = level ? gap.axis.notes.get(level.slug) : undefined;
  return html`<div class="side">
    <strong>${level ? html`<span lang=${level.title.lang}>${level.title.text}</span>` : t('Not yet')}</strong>
    ${note?.headline ? html`<span class="headline">${text(note.headline)}</span>` : nothing}
    ${note ? html`<p>${text(note.text)}</p>` : nothing}
  </div>`;
}

export function findings(ladder: Ladder, answers: Answers, target: number, t: Translate, depth: number): TemplateResult {
  const targetTitle = levelAt(ladder, target)!.title.text;
  const gaps = gapsTo(ladder, answers, target);
  const growing = gaps.filter((g) => g.axis.kind === 'capability');
  const median = medianPosition(ladder, answers);
  return html`${heading(depth, t('Gaps to {level}', { level: targetTitle }), 'section-heading', 'section')}
    ${
      gaps.length
        ? html`<ol class="gaps" part="gaps">
          ${gaps.map(
            (g) =>
              html`<li class=${g.axis.kind}>
                <span class="axis-name" lang=${g.axis.title.lang}>${g.axis.title.text}</span>
                <span class="size">(${t('Levels to go: {count}', { count: g.size })})</span>
                <div class="sides">${description(ladder, g, g.position, t)}${description(ladder, g, target, t)}</div>
              </li>`,
          )}
        </ol>`
        : html`<p part="gaps">${t('No gaps among your answers.')}</p>`
    }
    ${heading(depth, t('Capabilities to grow, largest gap first'), 'section-heading', 'section')}
    ${
      growing.length
        ? html`<ol class="grow" part="grow">
          ${growing.map((g) => html`<li>${text(g.axis.title)} (${t('Levels to go: {count}', { count: g.size })})</li>`)}
        </ol>`
        : html`<p part="grow">${t('No gaps among your answers.')}</p>`
    }
    ${median === undefined ? nothing : step(ladder, median, t, depth)}`;
}

/**
 * The step from the level the person operates at (the median answer), with
 * why people stall on it, and the signs of operating below that level.
 * Below the lowest level, its signs are the ones that describe them.
 */
function step(ladder: Ladder, median: number, t: Translate, depth: number): TemplateResult {
  const held = levelAt(ladder, Math.max(median, 1))!;
  const next = attemptedStep(ladder, median);
  const nextLevel = next && ladder.levels.find((l) => l.slug === next.to);
  return html`<p class="median" part="median">
      ${median === 0 ? t('Most of your answers are "not yet".') : t('Your median answer is {level}.', { level: held.title.text })}
    </p>
    ${
      next && nextLevel && next.whyPeopleStall.length
        ? html`${heading(depth, t('Why people stall on the way to {level}', { level: nextLevel.title.text }), 'section-heading', 'section')}
          <ul part="stall">
            ${next.whyPeopleStall.map((s) => html`<li>${text(s)}</li>`)}
          </ul>`
        : nothing
    }
    ${
      held.signalsBelow.length
        ? html`${heading(depth, t('Signs of operating below {level}', { level: held.title.text }), 'section-heading', 'section')}
          <ul part="signals-below">
            ${held.signalsBelow.map((s) => html`<li>${text(s)}</li>`)}
          </ul>`
        : nothing
    }`;
}
