import type { z } from 'zod';
import type { ContentError } from './content-error.js';
import type { PathSegment } from './field-path.js';
import type { YamlFile } from './yaml-file.js';

/**
 * Turns zod issues into located, human errors. Unknown keys are reported one
 * per key at the key itself, with the allowed fields listed, because that is
 * the mistake editors make most (a typo or a field from another type).
 */
export function shapeErrors(
  yaml: YamlFile,
  issues: readonly z.core.$ZodIssue[],
  allowedKeysAt: (path: readonly PathSegment[]) => readonly string[],
): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(path);
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        errors.push(
          yaml.errorAt(
            [...path, key],
            `unknown field "${key}"` +
              (suggestion ? ` (did you mean "${suggestion}"?)` : '') +
              (allowed.length ? `; allowed fields: ${allowed.join(', ')}` : ''),
            'key',
          ),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_type' && isMissing(yaml.data, path)) {
      // The field is absent: point at the object that should hold it.
      errors.push({ ...yaml.errorAt(path.slice(0, -1), ''), field: yaml.errorAt(path, '').field, message: 'missing required field' });
      continue;
    }
    errors.push(yaml.errorAt(path, describeIssue(issue, valueAt(yaml.data, path))));
  }
  return errors;
}

// zod does not report the offending input by default, so read it from the document.
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

function isMissing(data: unknown, path: readonly PathSegment[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !(path[path.length - 1]! in parent);
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, got ${typeName(input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? 'must not be empty' : issue.message;
      return `must be at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object' || expected === 'record') return 'a mapping of fields';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

/** The allowed key within edit distance 2, for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
