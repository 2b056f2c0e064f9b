import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const widgets = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => path.join(widgets, 'node_modules/.bin', name);

/** The split build's manifest (scripts/chunk-manifest.ts). */
interface Manifest {
  loader: string;
  elements: Record<string, string[]>;
  files: string[];
}
const manifest = async (): Promise<Manifest> =>
  JSON.parse(await readFile(path.join(widgets, 'dist/widgets/manifest.json'), 'utf8')) as Manifest;
const dist = (file: string) => readFile(path.join(widgets, 'dist', file));
const gzip = async (file: string) => gzipSync(await dist(file), { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB gzip`;

/** The element tags: one folder with a define.ts each, named `de-<folder>`. */
const TAGS = (await readdir(path.join(widgets, 'src'), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && existsSync(path.join(widgets, 'src', entry.name, 'define.ts')))
  .map((entry) => `de-${entry.name}`);

/** Relative imports of a built file: static (`from"./x.js"`, `import"./x.js"`) and dynamic, apart. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  return {
    static: [...code.matchAll(/\b(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]!),
    dynamic: [...code.matchAll(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!),
  };
}

/**
 * What a page showing `tags` downloads, in English: the loader and, for each
 * tag, the module the loader imports for it and everything that module imports
 * statically, found by reading the files (and checked against the manifest).
 * Each file counts once.
 */
async function pageFiles(tags: readonly string[]): Promise<Set<string>> {
  const { loader, elements } = await manifest();
  const loaderImports = importsOf((await dist(loader)).toString()).dynamic;
  const files = new Set([loader]);
  for (const tag of tags) {
    const entry = elements[tag]![0]!;
    expect(loaderImports, tag).toContain(`./${entry}`);
    const needed = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (needed.has(file)) return;
      needed.add(file);
      for (const imported of importsOf((await dist(file)).toString()).static)
        await visit(path.posix.join(path.posix.dirname(file), imported));
    };
    await visit(entry);
    // What the files import is what the manifest says a page with the tag needs.
    expect([...needed].sort(), tag).toEqual([...elements[tag]!].sort());
    for (const file of needed) files.add(file);
  }
  return files;
}

const total = async (files: Iterable<string>) => (await Promise.all([...files].map(gzip))).reduce((a, b) => a + b, 0);

/**
 * Budgets, gzip -9 as served. A page with one comparison fetches the loader,
 * the comparison's module and the chunk every element shares (Lit, the
 * client, the words); 26.9 kB before rich text came as data rather than HTML
 * to be sanitised in the browser, which took DOMPurify (11 kB) out.
 */
export const LEVEL_COMPARE_BUDGET_GZIP_BYTES = 15 * 1024;
export const EVERY_WIDGET_BUDGET_GZIP_BYTES = 45 * 1024;
export const LOADER_BUDGET_GZIP_BYTES = 1536;
/** The one-file bundle, every element in it (/widgets-all.js). */
export const ALL_IN_ONE_BUDGET_GZIP_BYTES = 27 * 1024;

describe('the loader and its chunks (/widgets.js)', () => {
  it(`loader + <de-level-compare> and what it needs: at most ${LEVEL_COMPARE_BUDGET_GZIP_BYTES / 1024} kB gzip`, async () => {
    const size = await total(await pageFiles(['de-level-compare']));
    expect(size, kB(size)).toBeLessThanOrEqual(LEVEL_COMPARE_BUDGET_GZIP_BYTES);
  });

  it(`every element together: at most ${EVERY_WIDGET_BUDGET_GZIP_BYTES / 1024} kB gzip`, async () => {
    const { elements } = await manifest();
    expect(Object.keys(elements).sort()).toEqual([...TAGS].sort());
    const size = await total(await pageFiles(Object.keys(elements)));
    expect(size, kB(size)).toBeLessThanOrEqual(EVERY_WIDGET_BUDGET_GZIP_BYTES);
  });

  it('the loader alone is tiny and imports nothing until a tag appears', async () => {
    const { loader } = await manifest();
    const size = await gzip(loader);
    expect(size, kB(size)).toBeLessThanOrEqual(LOADER_BUDGET_GZIP_BYTES);
    const code = (await dist(loader)).toString();
    expect(importsOf(code).static).toEqual([]);
    expect(code).not.toMatch(/\bimport\s*[{*]/);
    for (const tag of TAGS) expect(code).toMatch(new RegExp(`["'\`]${tag}["'\`]`));
  });

  it('lists in the manifest exactly the files written under widgets/', async () => {
    const { files } = await manifest();
    const written = (await readdir(path.join(widgets, 'dist/widgets'), { recursive: true }))
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => /\.js(\.map)?$/.test(f));
    expect([...files].map((f) => f.replace(/^widgets\//, '')).sort()).toEqual(written.sort());
  });
});

describe('the one-file bundle (/widgets-all.js)', () => {
  it(`stays within ${ALL_IN_ONE_BUDGET_GZIP_BYTES / 1024} kB gzip, Lit included`, async () => {
    const bundle = await dist('altitude-widgets-all.js');
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    expect(gzipped, kB(gzipped)).toBeLessThanOrEqual(ALL_IN_ONE_BUDGET_GZIP_BYTES);
  });

  it('registers every element', async () => {
    const bundle = (await dist('altitude-widgets-all.js')).toString();
    for (const tag of TAGS) expect(bundle).toMatch(new RegExp(`["'\`]${tag}["'\`]`));
  });
});

describe('every built script', () => {
  const scripts = async () => [
    'altitude-widgets.js',
    'altitude-widgets-all.js',
    'altitude-embed.js',
    ...(await manifest()).files.filter((f) => f.endsWith('.js')),
  ];

  it('is Lit’s production build, with no bare imports left for a browser to fail on', async () => {
    for (const file of await scripts()) {
      const code = (await dist(file)).toString();
      expect(code, file).not.toContain('Lit is in dev mode');
      expect(code, file).not.toMatch(/\b(?:from|import)\s*\(?\s*["'`](?![./])/);
    }
  });

  it('imports each language’s catalogue from widgets/locales/, a file that imports nothing itself', async () => {
    const { files } = await manifest();
    const reached = new Set<string>();
    for (const file of [
      'altitude-widgets-all.js',
      'altitude-embed.js',
      ...files.filter((f) => f.endsWith('.js') && !f.includes('/locales/')),
    ]) {
      for (const specifier of importsOf((await dist(file)).toString()).dynamic) {
        const target = path.posix.join(path.posix.dirname(file), specifier);
        if (target.startsWith('widgets/locales/')) reached.add(target);
      }
    }
    expect(reached).toEqual(new Set(['widgets/locales/de.js', 'widgets/locales/ja.js', 'widgets/locales/pseudo.js']));
    for (const catalogue of reached) {
      // An import from a catalogue would load shared code a second time, under the name it has on disk.
      const chunk = (await dist(catalogue)).toString();
      expect(chunk, catalogue).not.toMatch(/\bimport\b/);
      expect(chunk, catalogue).toMatch(/\bexport\s*\{/);
    }
  });

  it('carries only English words: every other language is fetched when a widget shows it', async () => {
    const { files } = await manifest();
    const english = 'How companies get the role wrong';
    const holders = [];
    for (const file of ['altitude-widgets-all.js', ...files.filter((f) => f.endsWith('.js') && !f.includes('/locales/'))]) {
      const code = (await dist(file)).toString();
      if (code.includes(english)) holders.push(file);
      for (const [language, words] of [
        ['de', 'Was Unternehmen bei der Rolle falsch machen'],
        ['ja', '会社がこの役割で陥りがちな失敗'],
      ])
        expect(code, `${file} ${language}`).not.toContain(words);
    }
    expect(holders.length).toBe(2);
    expect((await dist('widgets/locales/de.js')).toString()).toContain('Was Unternehmen bei der Rolle falsch machen');
  });

  it('names the default endpoint once per script set, relative to the loader or the bundle', async () => {
    const { files } = await manifest();
    const chunks = files.filter((f) => f.endsWith('.js'));
    const naming = [];
    for (const file of chunks) if (/["'`]\.\.\/graphql["'`]/.test((await dist(file)).toString())) naming.push(file);
    // One chunk, one folder below the loader: "../graphql" from /widgets/common-….js is /graphql.
    expect(naming).toHaveLength(1);
    for (const file of ['altitude-widgets-all.js', 'altitude-embed.js'])
      expect((await dist(file)).toString(), file).toMatch(/["'`]\.\/graphql["'`]/);
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
