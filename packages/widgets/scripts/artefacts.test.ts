import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const widgets = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => path.join(widgets, 'node_modules/.bin', name);

/**
 * The self-contained bundle, Lit and DOMPurify included, as served at
 * /widgets.js. 25 kB until the widgets spoke the page's language; reading the
 * page's `lang` and following its changes, marking text served in another
 * language, running right to left and loading a language's catalogue took
 * 1.8 kB more. Each language's words stay out of it (tested below), so no
 * language added will grow it.
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 27 * 1024;

describe('the widget bundle', () => {
  it(`stays within ${BUNDLE_BUDGET_GZIP_BYTES / 1024} kB gzip, Lit included`, async () => {
    const bundle = await readFile(path.join(widgets, 'dist/altitude-widgets.js'));
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    expect(gzipped, `${(gzipped / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP_BYTES);
    // Lit's production build, not its development one with warnings.
    expect(bundle.toString()).not.toContain('Lit is in dev mode');
    // Self-contained: no bare imports left for a browser to fail on.
    expect(bundle.toString()).not.toMatch(/\bfrom\s*["'](?:lit|dompurify)/);
    expect(bundle.toString()).not.toMatch(/\bimport\s*[{"'`]/);
  });

  it('imports nothing but the language catalogues, each a file beside it that imports nothing itself', async () => {
    for (const file of ['altitude-widgets.js', 'altitude-embed.js']) {
      const code = (await readFile(path.join(widgets, 'dist', file))).toString();
      const imports = [...code.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((m) => m[1]!);
      const catalogues = imports.map((specifier) => /^["'`]\.\/(widgets\/locales\/[a-z][\w-]*\.js)["'`]$/.exec(specifier)?.[1]);
      expect(catalogues, file).not.toContain(undefined);
      expect(new Set(catalogues), file).toEqual(new Set(['widgets/locales/de.js', 'widgets/locales/ja.js', 'widgets/locales/pseudo.js']));
      for (const catalogue of catalogues) {
        // An import from a catalogue would load the bundle a second time, under the name it has on disk.
        const chunk = (await readFile(path.join(widgets, 'dist', catalogue!))).toString();
        expect(chunk, catalogue).not.toMatch(/\bimport\b/);
        expect(chunk, catalogue).toMatch(/\bexport\s*\{/);
      }
    }
  });

  it('carries only English words: every other language is fetched when a widget shows it', async () => {
    const bundle = (await readFile(path.join(widgets, 'dist/altitude-widgets.js'))).toString();
    expect(bundle).toContain('How companies get the role wrong');
    for (const [language, words] of [
      ['de', 'Was Unternehmen bei der Rolle falsch machen'],
      ['ja', '会社がこの役割で陥りがちな失敗'],
    ])
      expect(bundle, language).not.toContain(words);
    expect((await readFile(path.join(widgets, 'dist/widgets/locales/de.js'))).toString()).toContain(
      'Was Unternehmen bei der Rolle falsch machen',
    );
  });

  it('registers every element', async () => {
    const bundle = (await readFile(path.join(widgets, 'dist/altitude-widgets.js'))).toString();
    for (const tag of ['de-level-compare', 'de-level-card', 'de-failure-mode-card', 'de-failure-mode-grid', 'de-leverage-mechanisms']) {
      expect(bundle).toMatch(new RegExp(`["'\`]${tag}["'\`]`));
    }
  });
});

describe('the modules for npm users', () => {
  it('point editors at the manifest from package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(widgets, 'package.json'), 'utf8')) as { customElements: string };
    expect(pkg.customElements).toBe('custom-elements.json');
  });

  it('exist per component, with Lit left as a bare import for the peer dependency', async () => {
    for (const file of [
      'define.js',
      'index.js',
      'level-compare/level-compare.js',
      'level-compare/define.js',
      'failure-mode-card/failure-mode-card.js',
    ]) {
      const code = await readFile(path.join(widgets, 'dist', file), 'utf8');
      expect(code.length, file).toBeGreaterThan(0);
    }
    const component = await readFile(path.join(widgets, 'dist/level-compare/level-compare.js'), 'utf8');
    expect(component).toMatch(/from ['"]lit['"]/);
    const types = await readFile(path.join(widgets, 'dist/level-compare/level-compare.d.ts'), 'utf8');
    expect(types).toContain("'de-level-compare': LevelCompare;");
  });

  it('load each language’s catalogue as a module of its own, so an app’s bundler splits it off too', async () => {
    const loader = await readFile(path.join(widgets, 'dist/i18n/catalogues.js'), 'utf8');
    for (const name of ['de', 'ja', 'pseudo']) {
      expect(loader).toContain(`import("./locales/${name}.js")`);
      expect((await readFile(path.join(widgets, `dist/i18n/locales/${name}.js`), 'utf8')).length).toBeGreaterThan(0);
    }
  });
});

describe('generated files are in step with the code', () => {
  it('src/queries/generated.ts matches the .graphql documents and schema.graphql', async () => {
    await expect(run(process.execPath, [path.join(widgets, 'scripts/codegen.mjs'), '--check'], { cwd: widgets })).resolves.toBeDefined();
  });

  it('custom-elements.json matches the elements (run `pnpm generate` to update)', async () => {
    const outdir = '.cem-check';
    try {
      await run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir], { cwd: widgets });
      const fresh = await readFile(path.join(widgets, outdir, 'custom-elements.json'), 'utf8');
      const committed = await readFile(path.join(widgets, 'custom-elements.json'), 'utf8');
      expect(committed).toBe(fresh);
    } finally {
      await rm(path.join(widgets, outdir), { recursive: true, force: true });
    }
  });
});
