import type { Expectation, Level } from '../graph/types.js';

/** How levels become job profiles in an HR system; set in altitude.config.json or .yaml. */
export interface JobProfileOptions {
  /** Job family every level belongs to. */
  readonly jobFamily: string;
  /** Job code per level slug; levels not listed get `ENG-IC-<SLUG>`. */
  readonly jobCodes: Readonly<Record<string, string>>;
  /** schema.org occupationalCategory, e.g. an O*NET-SOC or ISCO code; left out when not set. */
  readonly occupationalCategory?: { readonly codeValue: string; readonly inCodeSet?: string; readonly name?: string };
}

export const DEFAULT_JOB_PROFILE: JobProfileOptions = { jobFamily: 'Engineering', jobCodes: {} };

export function jobCode(options: JobProfileOptions, level: Level): string {
  return options.jobCodes[level.slug] ?? `ENG-IC-${level.slug.toUpperCase().replace(/-/g, '_')}`;
}

/** Text ending as a sentence: its own ".", "?" or "!" kept, else a "." added. */
export function asSentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** "Headline. What the level expects." as plain text, without doubling a headline's own "?" or ".". */
export function expectationText(expectation: Expectation): string {
  return `${asSentence(expectation.headline)} ${expectation.text.text}`;
}

/** A level's line on one dimension: "Dimension: Headline. What the level expects." */
export function responsibility(expectation: Expectation): string {
  return `${expectation.dimension.title}: ${expectationText(expectation)}`;
}
