import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFromBuilder } from './builder-params.js';
import { embedForms, MAX_CARD_HREF, parseWidgetSpec, type WidgetSpec } from './widget-spec.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

function spec(query: string): WidgetSpec {
  const parsed = parseWidgetSpec('level-compare', new URLSearchParams(query), framework);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

/** What the embed and snippet routes cache a page under (path and query). */
const cacheKey = (s: WidgetSpec) => `${s.path}?${s.query}`;

describe('level-compare options', () => {
  it('spell equivalent dimension lists one way: repeats dropped, framework order', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const a = spec(`levels=staff,principal&dimensions=${first},${second},${first}`);
    const b = spec(`levels=staff,principal&dimensions=${second},${first}`);
    const c = spec(`levels=staff,principal&dimensions=${second}+${first}+${second}`);
    expect(cacheKey(a)).toBe(cacheKey(b));
    expect(cacheKey(c)).toBe(cacheKey(b));
    expect(a.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
    expect(a.attributes).toEqual(b.attributes);
    expect(a.attributes.dimensions).toBe(`${first} ${second}`);
  });

  it('keep the levels in the order given: it is the column order', () => {
    expect(spec('levels=distinguished,staff').query).toBe('levels=distinguished,staff');
    expect(cacheKey(spec('levels=distinguished,staff'))).not.toBe(cacheKey(spec('levels=staff,distinguished')));
    const repeated = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal,staff'), framework);
    expect(repeated).toMatchObject({ ok: false, status: 400, message: 'Level "staff" is listed more than once.' });
  });

  it('are normalised the same way from the embed builder', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const built = specFromBuilder(
      new URLSearchParams(`widget=level-compare&levels=staff,principal&dimensions=${second},${first},${second}`),
      framework,
    );
    expect(built.ok && built.spec.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
  });

  it('still name an unknown dimension', () => {
    const parsed = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal&dimensions=charisma'), framework);
    expect(parsed).toMatchObject({ ok: false, status: 404 });
    expect(!parsed.ok && parsed.message).toContain('Unknown dimension "charisma". Valid dimensions: ');
  });
});

describe('lang', () => {
  const parse = (path: string, query: string) => parseWidgetSpec(path, new URLSearchParams(query), framework);

  it('names the locale asked for, canonical, in the query and on the element; English names none', () => {
    const german = parse('failure-mode/super-coder', 'theme=dark&lang=de');
    expect(german.ok && german.spec).toMatchObject({
      query: 'theme=dark&lang=de',
      attributes: { mode: 'super-coder', theme: 'dark', lang: 'de' },
      locale: 'de',
      direction: 'ltr',
      title: framework.translations.get('de')!.find('FailureMode', 'super-coder')!.title,
    });
    expect(german.ok && german.spec.title).not.toBe(framework.find('FailureMode', 'super-coder')!.title);
    const swiss = parse('level-compare', 'levels=staff,principal&lang=de-ch');
    expect(swiss.ok && [swiss.spec.query, swiss.spec.locale]).toEqual(['levels=staff,principal&lang=de-CH', 'de']);
    // One spelling for English, so ?lang=en shares the page (and its cache entry) of the address without it.
    const english = parse('level/staff', 'lang=en');
    expect(english.ok && [english.spec.query, english.spec.attributes, english.spec.locale]).toEqual(['', { level: 'staff' }, 'en']);
  });

  it('titles in the locale served, the server’s own words included', () => {
    const ja = parse('level-compare', 'levels=staff,distinguished&lang=ja');
    const titles = ['staff', 'distinguished'].map((s) => framework.translations.get('ja')!.find('Level', s)!.title);
    expect(ja.ok && ja.spec.title).toBe(`${titles[0]}、${titles[1]}の比較`);
    const grid = parse('failure-modes', 'lang=de');
    expect(grid.ok && grid.spec.title).toBe('Was Unternehmen bei der Rolle falsch machen');
    const rtl = parse('leverage-mechanisms', 'lang=ar-XB');
    expect(rtl.ok && [rtl.spec.locale, rtl.spec.direction]).toEqual(['ar-XB', 'rtl']);
  });

  it('gives the framework in the locale served beside the spec', () => {
    const parsed = parse('level/staff', 'lang=fr-CA');
    expect(parsed.ok && [parsed.framework.view.locale, parsed.spec.locale, parsed.spec.attributes.lang]).toEqual(['en', 'en', 'fr-CA']);
  });

  it('refuses a malformed lang with a 400 that says what a tag looks like', () => {
    expect(parse('level/staff', 'lang=english!')).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('lang must be a BCP 47 language tag such as "de" or "pt-BR", not "english!".'),
    });
  });

  it('comes from the embed builder too', () => {
    const built = specFromBuilder(new URLSearchParams('widget=level&level=principal&lang=ja'), framework);
    expect(built.ok && [built.spec.query, built.spec.attributes]).toEqual(['lang=ja', { level: 'principal', lang: 'ja' }]);
  });
});

describe('the tools', () => {
  const parse = (path: string, query = '') => parseWidgetSpec(path, new URLSearchParams(query), framework);
  const top = () => framework.levels.reduce((a, b) => (b.rank > a.rank ? b : a));

  it('read a self-assessment’s target level, titled as the widget heads it; no target means the top level', () => {
    expect(parse('self-assessment', 'target=principal&theme=dark')).toMatchObject({
      ok: true,
      spec: {
        kind: 'self-assessment',
        tag: 'de-self-assessment',
        attributes: { target: 'principal', theme: 'dark' },
        path: 'self-assessment',
        query: 'target=principal&theme=dark',
        title: 'Self-assessment against Principal Engineer',
      },
    });
    const untargeted = parse('self-assessment');
    expect(untargeted.ok && [untargeted.spec.attributes, untargeted.spec.query, untargeted.spec.title]).toEqual([
      {},
      '',
      `Self-assessment against ${top().title}`,
    ]);
    // An empty target is no target, as it is for the element.
    const empty = parse('self-assessment', 'target=');
    expect(empty.ok && empty.spec).toMatchObject({ query: '', attributes: {} });
    const german = parse('self-assessment', 'target=staff&lang=de');
    const staff = framework.translations.get('de')!.find('Level', 'staff')!.title;
    expect(german.ok && german.spec.title).toBe(`Selbsteinschätzung gemessen an ${staff}`);
  });

  it('refuse an unknown target level, and a path below the tool, saying what is valid', () => {
    expect(parse('self-assessment', 'target=fellow')).toEqual({
      ok: false,
      status: 404,
      message: 'Unknown target level "fellow". Valid levels: staff, principal, distinguished.',
    });
    expect(parse('self-assessment/principal')).toMatchObject({ ok: false, status: 404 });
    expect(parse('role-health-check/super-coder')).toMatchObject({ ok: false, status: 404 });
  });

  it('take a health check’s card-href when it is http(s) or relative, encoded in the query and escaped in the tag', () => {
    for (const template of [
      '/wiki/failure-modes#{slug}',
      'https://wiki.example.com/modes?a=1&b={slug}',
      'modes/{slug}',
      '//wiki.example.com/{slug}',
    ]) {
      const parsed = parse('role-health-check', new URLSearchParams({ 'card-href': template, lang: 'ja' }).toString());
      expect(parsed.ok, template).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.spec.attributes).toEqual({ 'card-href': template, lang: 'ja' });
      expect(new URLSearchParams(parsed.spec.query).get('card-href')).toBe(template);
      expect(parsed.spec.title).toBe('組織はこの役割を誤って運用していないか');
    }
    const plain = parse('role-health-check');
    expect(plain.ok && [plain.spec.attributes, plain.spec.query, plain.spec.title]).toEqual([
      {},
      '',
      'Is the organisation getting the role wrong?',
    ]);
    const quoted = parse('role-health-check', `card-href=${encodeURIComponent('/x/{slug}?a="b"&c')}`);
    if (!quoted.ok) throw new Error(quoted.message);
    expect(embedForms(quoted.spec, 'https://a.example').scriptTag).toContain(
      '<de-role-health-check card-href="/x/{slug}?a=&quot;b&quot;&amp;c"></de-role-health-check>',
    );
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'java\tscript:alert(1)',
    '\\\\evil.example/{slug}',
    '   ',
  ])('refuse the card-href %j with a 400', (template) => {
    const parsed = parse('role-health-check', new URLSearchParams({ 'card-href': template }).toString());
    expect(parsed).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/^card-href must be an http\(s\) or relative URL/),
    });
  });

  it(`bound card-href at ${MAX_CARD_HREF} characters, so no address can make a page of any size`, () => {
    const at = (length: number) => parse('role-health-check', `card-href=/${'a'.repeat(length - 1)}`);
    expect(at(MAX_CARD_HREF).ok).toBe(true);
    expect(at(MAX_CARD_HREF + 1)).toMatchObject({
      ok: false,
      status: 400,
      message: `card-href must be at most ${MAX_CARD_HREF} characters, not ${MAX_CARD_HREF + 1}.`,
    });
  });

  it('have iframe, script and oEmbed forms and no snippet; the other widgets keep theirs', () => {
    const tool = parse('self-assessment', 'target=staff');
    if (!tool.ok) throw new Error(tool.message);
    const forms = embedForms(tool.spec, 'https://a.example');
    expect(forms).not.toHaveProperty('snippetHtmlUrl');
    expect(forms).not.toHaveProperty('snippetMarkdownUrl');
    expect(forms.embedUrl).toBe('https://a.example/embed/self-assessment?target=staff');
    expect(forms.iframe).toMatch(/^<iframe src="https:\/\/a\.example\/embed\/self-assessment\?target=staff" width="960" height="2400"/);
    expect(forms.scriptTag).toBe(
      '<script type="module" src="https://a.example/widgets.js"></script>\n<de-self-assessment target="staff"></de-self-assessment>',
    );
    const card = parse('level/staff');
    expect(card.ok && embedForms(card.spec, 'https://a.example').snippetHtmlUrl).toBe('https://a.example/snippet/level/staff.html');
  });

  it('come from the embed builder with their own fields', () => {
    const built = specFromBuilder(new URLSearchParams('widget=self-assessment&target=staff&levels=staff,principal&theme=light'), framework);
    expect(built.ok && [built.spec.kind, built.spec.query]).toEqual(['self-assessment', 'target=staff&theme=light']);
    const check = specFromBuilder(new URLSearchParams({ widget: 'role-health-check', 'card-href': '/modes#{slug}' }), framework);
    expect(check.ok && check.spec.attributes).toEqual({ 'card-href': '/modes#{slug}' });
    expect(specFromBuilder(new URLSearchParams({ widget: 'role-health-check', 'card-href': 'javascript:x' }), framework)).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});
