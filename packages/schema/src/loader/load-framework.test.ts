import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { formatContentError } from './content-error.js';
import { loadFramework } from './load-framework.js';

// Each case copies the real content, breaks one thing the way an editor
// would, and asserts the exact message (file:line:column field: message).

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function contentWith(edits: Record<string, (text: string) => string>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-content-'));
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    const before = await readFile(target, 'utf8').catch(() => '');
    const after = edit(before);
    if (before && after === before) throw new Error(`edit to ${file} changed nothing; the fixture is out of date`);
    await writeFile(target, after);
  }
  return dir;
}

/** Replaces the first occurrence; a fixture that no longer matches the content fails loudly. */
const first = (search: string | RegExp, replacement: string) => (text: string) => {
  if (!(typeof search === 'string' ? text.includes(search) : search.test(text))) throw new Error(`no match for ${String(search)}`);
  return text.replace(search, replacement);
};

/** Replaces exactly one occurrence, so a fixture that drifts from the content fails loudly. */
const once = (search: string | RegExp, replacement: string) => (text: string) => {
  const matches = typeof search === 'string' ? text.split(search).length - 1 : (text.match(new RegExp(search, 'g')) ?? []).length;
  if (matches !== 1) throw new Error(`expected one match for ${String(search)}, found ${matches}`);
  return text.replace(search, replacement);
};

async function messages(contentDir: string): Promise<string[]> {
  const result = await loadFramework(contentDir, { cwd: contentDir });
  if (result.ok) return [];
  return result.errors.map((e) => formatContentError(e, contentDir));
}

/** Line (1-based) of the first line containing `needle` in the edited file. */
async function lineOf(file: string, needle: string | ((line: string) => boolean)): Promise<number> {
  const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
  const index = lines.findIndex(typeof needle === 'string' ? (l) => l.includes(needle) : needle);
  if (index < 0) throw new Error(`${String(needle)} not in ${file}`);
  return index + 1;
}

describe('loadFramework on the real content', () => {
  it('loads with no errors', async () => {
    const result = await loadFramework(DEFAULT_CONTENT_DIR);
    expect(result.ok ? [] : result.errors.map((e) => formatContentError(e))).toEqual([]);
  });
});

describe('each class of bad content gets its precise message', () => {
  it('YAML syntax error', async () => {
    const d = await contentWith({ 'tensions.yaml': once('  - slug: loneliness', '  - slug: loneliness\n    title: [unclosed') });
    const line = await lineOf('tensions.yaml', '[unclosed');
    const errors = await messages(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^tensions\\.yaml:${line + 1}:\\d+ YAML syntax error: `));
  });

  it('an alias to no anchor (found by the property test), located at the alias', async () => {
    const d = await contentWith({ 'tensions.yaml': once('  - slug: loneliness', '  - slug: *nowhere') });
    const line = await lineOf('tensions.yaml', '*nowhere');
    expect(await messages(d)).toEqual([
      `tensions.yaml:${line}:11 YAML could not be read: Unresolved alias (the anchor must be set before the alias): nowhere`,
    ]);
  });

  it('unknown field, with a suggestion and the allowed fields', async () => {
    const d = await contentWith({ 'levels.yaml': once('    rank: 1\n', '    rank: 1\n    rnak: 1\n') });
    const line = await lineOf('levels.yaml', 'rnak:');
    expect(await messages(d)).toEqual([
      `levels.yaml:${line}:5 levels[0].rnak: unknown field "rnak" (did you mean "rank"?); allowed fields: slug, title, summary, basis, interpretation, quotations, sources, rank, description, expectations, signalsBelow`,
    ]);
  });

  it('missing field', async () => {
    const d = await contentWith({ 'levels.yaml': once('    rank: 2\n', '') });
    const line = await lineOf('levels.yaml', 'slug: principal');
    expect(await messages(d)).toEqual([`levels.yaml:${line}:5 levels[1].rank: missing required field`]);
  });

  it('bad slug', async () => {
    const d = await contentWith({ 'capabilities.yaml': once('slug: patience', 'slug: Patience_Is_A_Virtue') });
    const line = await lineOf('capabilities.yaml', 'Patience_Is');
    expect(await messages(d)).toEqual([
      `capabilities.yaml:${line}:11 capabilities[9].slug: must be kebab-case: lower-case letters and digits separated by single hyphens`,
    ]);
  });

  it('duplicate slug names where the first one is', async () => {
    const d = await contentWith({ 'capabilities.yaml': once('slug: patience', 'slug: judgement') });
    const first = await lineOf('capabilities.yaml', 'slug: judgement');
    const errors = await messages(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^capabilities\\.yaml:\\d+:11 capabilities\\[9\\]\\.slug: duplicate slug "judgement": a capability with this slug is already defined at .*capabilities\\.yaml:${first}:11$`,
      ),
    );
  });

  it('dangling reference lists what exists', async () => {
    const d = await contentWith({ 'failure-modes.yaml': first('      - explicit-cross-org-scope\n', '      - explicit-cross-org-scop\n') });
    const line = await lineOf('failure-modes.yaml', (l) => l.trim() === '- explicit-cross-org-scop');
    const errors = await messages(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      `failure-modes.yaml:${line}:9 failureModes[0].preventedBy[1]: unknown org practice "explicit-cross-org-scop" (did you mean "explicit-cross-org-scope"?); known org practices: explicit-cross-org-scope, leverage-point-mechanisms, evaluate-on-organisational-impact`,
    );
  });

  it('unknown source section lists the real sections', async () => {
    const d = await contentWith({ 'tensions.yaml': first('section: Key takeaways', 'section: Key take-aways') });
    const line = await lineOf('tensions.yaml', 'Key take-aways');
    const errors = await messages(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^tensions\\.yaml:${line}:\\d+ tensions\\[\\d\\]\\.sources\\[\\d\\]\\.section: unknown section "Key take-aways" in source "leaddev-reality-of-being-a-distinguished-engineer"; its sections are: "Introduction", "Key takeaways", `,
      ),
    );
  });

  it('missing dimension expectation', async () => {
    const d = await contentWith({ 'levels.yaml': first(/ {6}time-horizon:\n(?: {8}.*\n)+?(?= {6}problem-source)/, '') });
    const line = await lineOf('levels.yaml', 'expectations:');
    expect(await messages(d)).toEqual([
      `levels.yaml:${line}:5 levels[0].expectations: missing an expectation for dimension "time-horizon"; every level needs one per dimension`,
    ]);
  });

  it('an expectation for a dimension that does not exist', async () => {
    const d = await contentWith({
      'levels.yaml': once('      operating-scope:\n        headline: A team', '      operating-scopes:\n        headline: A team'),
    });
    const line = await lineOf('levels.yaml', 'operating-scopes:');
    expect(await messages(d)).toEqual([
      `levels.yaml:${line - 1}:5 levels[0].expectations: missing an expectation for dimension "operating-scope"; every level needs one per dimension`,
      `levels.yaml:${line}:7 levels[0].expectations.operating-scopes: unknown dimension "operating-scopes" (did you mean "operating-scope"?); known dimensions: operating-scope, ownership-and-accountability, time-horizon, problem-source, primary-output, path-to-success, guiding-question, who-they-work-with`,
    ]);
  });

  it('an interpreted item that does not say what is interpreted, and a sourced one that does', async () => {
    const d = await contentWith({
      'capabilities.yaml': first('    title: Judgement\n    basis: sourced\n', '    title: Judgement\n    basis: interpreted\n'),
      'tensions.yaml': first(/ {4}basis: sourced\n/, '    basis: sourced\n    interpretation: Our reading.\n'),
    });
    const judgement = await lineOf('capabilities.yaml', 'title: Judgement');
    const errors = await messages(d);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe(
      `capabilities.yaml:${judgement + 1}:12 capabilities[1].basis: an interpreted item needs \`interpretation\`: say what is the framework's judgement and what the cited sections do say`,
    );
    expect(errors[1]).toMatch(
      /^tensions\.yaml:\d+:5 tensions\[\d\]\.interpretation: `interpretation` is for interpreted items; this one is marked sourced/,
    );
  });

  it('a capability without an entry for every level, or with one for a level that does not exist', async () => {
    const d = await contentWith({ 'capabilities.yaml': first('      principal:\n', '      principle:\n') });
    const line = await lineOf('capabilities.yaml', 'principle:');
    const atLevel = await lineOf('capabilities.yaml', 'atLevel:');
    expect(await messages(d)).toEqual([
      `capabilities.yaml:${atLevel}:5 capabilities[0].atLevel: missing an entry for level "principal"; every level needs one`,
      `capabilities.yaml:${line}:7 capabilities[0].atLevel.principle: unknown level "principle" (did you mean "principal"?); known levels: staff, principal, distinguished`,
    ]);
  });

  it('a quotation citing a section its source does not have, and one too long to be a quotation', async () => {
    const d = await contentWith({
      'levels.yaml': first(
        '          text: how does this fit together?\n          source: leaddev-reality-of-being-a-distinguished-engineer\n          section: Judgement born from experience\n',
        '          text: how does this fit together and what else could anyone possibly want to know today?\n          source: leaddev-reality-of-being-a-distinguished-engineer\n          section: Judgement born of experience\n',
      ),
    });
    const text = await lineOf('levels.yaml', 'possibly want');
    expect(await messages(d)).toEqual([
      `levels.yaml:${text}:17 levels[0].expectations.guiding-question.quotation.text: must be at most 12 words: quote a phrase, and say the rest in our words`,
      expect.stringMatching(
        new RegExp(
          `^levels\\.yaml:${text + 2}:\\d+ levels\\[0\\]\\.expectations\\.guiding-question\\.quotation\\.section: unknown section "Judgement born of experience" in source "leaddev-reality-of-being-a-distinguished-engineer"; its sections are: "Introduction", `,
        ),
      ),
    ]);
  });

  it('wrong type', async () => {
    const d = await contentWith({ 'levels.yaml': once('    rank: 3\n', '    rank: third\n') });
    const line = await lineOf('levels.yaml', 'rank: third');
    expect(await messages(d)).toEqual([`levels.yaml:${line}:11 levels[2].rank: expected a number, got the text "third"`]);
  });

  it('every error at once, across files, in file order', async () => {
    const d = await contentWith({
      'levels.yaml': once('    rank: 1\n', '    rank: 1\n    colour: red\n'),
      'tensions.yaml': once('slug: loneliness', 'slug: Loneliness'),
      'transitions.yaml': once(/to: principal/, 'to: principle'),
    });
    const errors = await messages(d);
    expect(errors.map((e) => e.split(' ')[0]!.replace(/:\d+:\d+$/, ''))).toEqual(['levels.yaml', 'tensions.yaml', 'transitions.yaml']);
    expect(errors[2]).toContain('unknown level "principle" (did you mean "principal"?)');
  });

  it('a missing content directory is an error, not an exception', async () => {
    const missing = path.join(os.tmpdir(), 'altitude-no-such-dir');
    const result = await loadFramework(missing, { cwd: os.tmpdir() });
    expect(result.ok).toBe(false);
    expect(!result.ok && formatContentError(result.errors[0]!, os.tmpdir())).toBe(
      'altitude-no-such-dir:1:1 content directory does not exist',
    );
  });

  it('no framework header', async () => {
    const d = await contentWith({ 'framework.yaml': () => '# emptied\n' });
    const errors = await messages(d);
    expect(errors).toEqual([
      `${path.basename(d)}:1:1 framework: no content file declares the \`framework:\` header (title, summary, version)`,
    ]);
  });

  it('an unknown collection at the top of a file', async () => {
    const d = await contentWith({ 'extra.yaml': () => 'level:\n  - slug: x\n' });
    expect(await messages(d)).toEqual([
      `extra.yaml:1:1 level: unknown field "level" (did you mean "levels"?); allowed fields: framework, ${['sources', 'dimensions', 'levels', 'transitions', 'leverageMechanisms', 'failureModes', 'orgPractices', 'capabilities', 'tensions', 'misconceptions', 'glossary'].join(', ')}`,
    ]);
  });
});
