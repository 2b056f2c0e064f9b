import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { graphql, isListType, isNonNullType, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework, RichText } from '../graph/types.js';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { frameworkInLocale } from '../locales/served-locale.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { COST_HINTS_EXTENSION } from './cost-hints.js';
import { schema } from './schema.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

type Result = ExecutionResult & { data?: Record<string, any> };
const run = async (source: string, served = framework): Promise<Result> =>
  (await graphql({ schema, source, contextValue: { framework: served } })) as Result;

/** The selection the widgets use. */
const DOC = 'blocks { style list level spans { text marks href } }';

/** A RichText's blocks as GraphQL serves them. */
const served = (text: RichText) =>
  text.blocks.map((block) => ({
    style: block.style.toUpperCase(),
    list: block.list?.toUpperCase() ?? null,
    level: block.level,
    spans: block.spans.map((span) => ({ text: span.text, marks: span.marks.map((mark) => mark.toUpperCase()), href: span.href })),
  }));

describe('rich text as blocks', () => {
  it('serves a level’s summary and a failure mode’s symptoms as docs of the same text', async () => {
    const { data, errors } = await run(
      `{ level(slug: "staff") { summary(format: TEXT) summaryDoc { ${DOC} } interpretationDoc { ${DOC} } }
         failureMode(slug: "super-coder") { symptoms(format: TEXT) symptomsDoc { ${DOC} } }
         framework { descriptionDoc { ${DOC} } } }`,
    );
    expect(errors).toBeUndefined();
    const staff = framework.find('Level', 'staff')!;
    expect(data!.level.summaryDoc).toEqual({
      blocks: [{ style: 'PARAGRAPH', list: null, level: 0, spans: [{ text: data!.level.summary, marks: [], href: null }] }],
    });
    expect(data!.level.interpretationDoc).toEqual(staff.interpretation && { blocks: served(staff.interpretation) });
    const mode = framework.find('FailureMode', 'super-coder')!;
    expect(data!.failureMode.symptomsDoc).toHaveLength(mode.symptoms.length);
    expect(data!.failureMode.symptomsDoc.map((doc: { blocks: { spans: { text: string }[] }[] }) => doc.blocks[0]!.spans[0]!.text)).toEqual(
      data!.failureMode.symptoms,
    );
    // The framework description is the one string with bold in it today.
    const marks = data!.framework.descriptionDoc.blocks.flatMap((block: { spans: { marks: string[] }[] }) =>
      block.spans.flatMap((s) => s.marks),
    );
    expect(marks).toContain('STRONG');
    expect(data!.framework.descriptionDoc.blocks).toEqual(served(framework.description!));
  });

  it('serves the German text in the de locale, and an overlay’s amended text in its view', async () => {
    const german = (await run(`{ level(slug: "staff", locale: "de") { locale summaryDoc { ${DOC} } } }`)).data!.level;
    const germanStaff = frameworkInLocale(framework, 'de').find('Level', 'staff')!;
    expect(german.locale).toBe('de');
    expect(german.summaryDoc.blocks).toEqual(served(germanStaff.summary));
    expect(german.summaryDoc.blocks[0].spans[0].text).toMatch(/^Leitet die technische Arbeit/);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-rich-'));
    try {
      await writeFile(path.join(dir, 'overlay.yaml'), 'overlay:\n  name: acme\n');
      const staff = framework.find('Level', 'staff')!;
      await writeFile(
        path.join(dir, 'levels.yaml'),
        `levels:\n  - slug: staff\n    basedOn: ${staff.contentHash}\n    summary: Leads **one** team; see [the ladder](https://acme.example/ladder) or [this](javascript:alert(1)).\n`,
      );
      const acme = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [dir] });
      const amended = (await run(`{ level(slug: "staff") { origin summaryDoc { ${DOC} } } }`, acme)).data!.level;
      expect(amended.origin).toBe('AMENDED');
      expect(amended.summaryDoc.blocks).toEqual([
        {
          style: 'PARAGRAPH',
          list: null,
          level: 0,
          spans: [
            { text: 'Leads ', marks: [], href: null },
            { text: 'one', marks: ['STRONG'], href: null },
            { text: ' team; see ', marks: [], href: null },
            { text: 'the ladder', marks: [], href: 'https://acme.example/ladder' },
            { text: ' or this.', marks: [], href: null },
          ],
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives every rich field a Doc sibling of the same nullability and cost', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type) || type.name === 'Query') continue;
      const fields = (type as GraphQLObjectType).getFields();
      for (const field of Object.values(fields)) {
        if (!field.args.some((arg) => arg.name === 'format')) continue;
        const doc = fields[`${field.name}Doc`];
        if (!doc) {
          missing.push(`${type.name}.${field.name}Doc`);
          continue;
        }
        const shape = (t: typeof field.type): string =>
          isNonNullType(t)
            ? `${shape(t.ofType)}!`
            : isListType(t)
              ? `[${shape(t.ofType)}]`
              : t.name === 'String'
                ? 'T'
                : t.name === 'RichTextDoc'
                  ? 'T'
                  : t.name;
        expect(shape(doc.type), `${type.name}.${doc.name}`).toBe(shape(field.type));
        expect(doc.extensions[COST_HINTS_EXTENSION], `${type.name}.${doc.name}`).toEqual(field.extensions[COST_HINTS_EXTENSION]);
      }
    }
    expect(missing).toEqual([]);
  });

  it('loses none of the text the HTML shows, for every string of the framework in every locale', () => {
    const texts: RichText[] = [];
    const visit = (value: unknown, seen: Set<unknown>) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if ('markdown' in value && 'blocks' in value) texts.push(value as RichText);
      else for (const child of value instanceof Map ? value.values() : Object.values(value)) visit(child, seen);
    };
    const seen = new Set<unknown>();
    for (const locale of framework.translations.keys()) visit(frameworkInLocale(framework, locale), seen);
    expect(texts.length).toBeGreaterThan(700);
    for (const text of texts) {
      const fromBlocks = text.blocks
        .map((block) => block.spans.map((span) => span.text).join(''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      // The bidi controls of the right-to-left pseudo-locale stay, as in the HTML; plain text drops them.
      expect(fromBlocks.replace(/[\u202a-\u202e\u2066-\u2069]/g, ''), text.markdown).toBe(text.text);
    }
  });
});
