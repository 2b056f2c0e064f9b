// Keeps a keyboard user's place when a widget re-renders (an attribute
// changed, new data arrived): the element that had focus may be replaced by
// a new one, and a browser then sends focus to the page's <body>.

/** What can hold focus inside a widget: links and tab stops (a scrollable table). */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Where focus was, described so that the equivalent element can be found in new markup. */
export interface FocusMark {
  /** From most to least exact: what the element says, where it goes, where it is. */
  readonly keys: readonly string[];
  /** For each key, which of the elements sharing it had focus (the second link of a list…). */
  readonly ordinals: readonly number[];
}

export function markFocus(root: ShadowRoot, active: Element): FocusMark {
  const all = focusables(root);
  const keys = keysOf(active);
  return { keys, ordinals: keys.map((key, level) => all.filter((e) => keysOf(e)[level] === key).indexOf(active as HTMLElement)) };
}

/** The element in `root` that stands where the marked one stood, if there is one. */
export function findEquivalent(root: ShadowRoot, mark: FocusMark): HTMLElement | undefined {
  const all = focusables(root);
  for (const [level, key] of mark.keys.entries()) {
    const same = all.filter((e) => keysOf(e)[level] === key);
    if (same.length > 0) return same[Math.min(Math.max(mark.ordinals[level]!, 0), same.length - 1)];
  }
  return undefined;
}

function focusables(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * An element's place is its tag and class within the widget's named parts
 * (`base sources`, `base table cell`); its exact keys add its link target and
 * its text.
 */
function keysOf(element: Element): string[] {
  const parts: string[] = [];
  for (let e = element.parentElement; e; e = e.parentElement) {
    const part = e.getAttribute('part');
    if (part) parts.unshift(part);
  }
  const place = `${parts.join(' > ')} | ${element.localName}.${element.getAttribute('part') ?? ''}.${element.getAttribute('class') ?? ''}`;
  const href = element.getAttribute('href') ?? '';
  return [`${place} | ${href} | ${element.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`, `${place} | ${href}`, place];
}
