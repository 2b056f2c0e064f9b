export type PathSegment = string | number;

/** `['levels', 2, 'expectations', 'time-horizon']` → `levels[2].expectations.time-horizon` */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
