import { describe, expect, it } from 'vitest';
import type { HrViolation } from '../exports/hr-suites/hr-rules.js';
import { MAX_PUBLIC_PROBLEMS, publicProblems } from './hr-suite-routes.js';

const CONTENT = '/srv/private/altitude/content';
const violation = (i: number, file = `${CONTENT}/capabilities.yaml`): HrViolation => ({
  file: 'competencies.csv',
  line: i + 2,
  column: 1,
  field: 'Competency',
  message: 'is 76 characters long; 15Five takes at most 75',
  origin: { item: `capability "c${i}"`, location: { file, line: 3, column: 5 } },
});

describe("the 422's list of problems", () => {
  it('names the file, field and item, and the content file relative to the content folder: no server path', () => {
    const [inContent, nested, overlay] = publicProblems(
      [violation(0), violation(1, `${CONTENT}/translations/de/capabilities.yaml`), violation(2, '/home/ops/overlay/levels.yaml')],
      CONTENT,
    );
    expect(inContent).toBe(
      'competencies.csv:2:1 Competency: is 76 characters long; 15Five takes at most 75 (from capability "c0" in capabilities.yaml:3)',
    );
    expect(nested).toContain('(from capability "c1" in translations/de/capabilities.yaml:3)');
    expect(overlay).toContain('(from capability "c2" in levels.yaml:3)');
    for (const line of [inContent, nested, overlay]) expect(line).not.toMatch(/\/srv|\/home|\.\.\//);
  });

  it(`lists at most ${MAX_PUBLIC_PROBLEMS} and says how many more there are`, () => {
    const many = Array.from({ length: MAX_PUBLIC_PROBLEMS + 7 }, (_, i) => violation(i));
    const listed = publicProblems(many, CONTENT);
    expect(listed).toHaveLength(MAX_PUBLIC_PROBLEMS + 1);
    expect(listed.at(-1)).toBe('…and 7 more');
    expect(publicProblems(many.slice(0, MAX_PUBLIC_PROBLEMS), CONTENT)).toHaveLength(MAX_PUBLIC_PROBLEMS);
  });
});
