import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

describe('the framework integrations (scripts/integrations.mjs)', () => {
  it('match custom-elements.json: React wrappers, JSX and Vue types, editor data (run `pnpm generate` to update)', async () => {
    await expect(
      run(process.execPath, [path.join(widgets, 'scripts/integrations.mjs'), '--check'], { cwd: widgets }),
    ).resolves.toBeDefined();
  });

  it('wrap every element for React, with its events as on… props, and type JSX and Vue for every tag', async () => {
    const index = await readFile(path.join(widgets, 'src/react/index.ts'), 'utf8');
    const jsx = await readFile(path.join(widgets, 'types/jsx/elements.d.ts'), 'utf8');
    const vue = await readFile(path.join(widgets, 'types/vue/index.d.ts'), 'utf8');
    const webTypes = JSON.parse(await readFile(path.join(widgets, 'web-types.json'), 'utf8')) as {
      contributions: { html: { elements: { name: string; attributes: { name: string }[] }[] } };
    };
    const vscode = JSON.parse(await readFile(path.join(widgets, 'vscode.html-custom-data.json'), 'utf8')) as {
      tags: { name: string; attributes: { name: string }[] }[];
    };
    for (const tag of TAGS) {
      const folder = tag.replace(/^de-/, '');
      expect(index, tag).toContain(`from './${folder}.js'`);
      const wrapper = await readFile(path.join(widgets, 'src/react', `${folder}.ts`), 'utf8');
      expect(wrapper, tag).toContain(`tagName: '${tag}'`);
      expect(wrapper, tag).toContain("onDeLoad: 'de-load' as EventName<CustomEvent<null>>");
      expect(wrapper, tag).toContain("onDeError: 'de-error' as EventName<CustomEvent<{ message: string }>>");
      expect(jsx, tag).toContain(`'${tag}': Partial<`);
      expect(vue, tag).toContain(`'${tag}': DefineComponent<`);
      for (const attributes of [
        webTypes.contributions.html.elements.find((e) => e.name === tag)?.attributes,
        vscode.tags.find((t) => t.name === tag)?.attributes,
      ])
        expect(
          attributes?.map((a) => a.name),
          tag,
        ).toEqual(expect.arrayContaining(['endpoint', 'theme', 'heading-level', 'lang']));
    }
    expect(await readFile(path.join(widgets, 'src/react/role-health-check.ts'), 'utf8')).toContain(
      "onDeChange: 'de-change' as EventName<CustomEvent<{ checked: string[] }>>",
    );
    // The analyzer read `new CustomEvent(type, …)` as an event named "type"; the manifest config drops it.
    expect(jsx).not.toMatch(/["']ontype["']/);
  });

  it('type-check in an app: React 18 wrappers take arrays and typed events, JSX tags check their attributes', async () => {
    // Inside the package, so the app resolves `@altitude/widgets/…` through the exports map, as an installed copy would.
    const dir = await mkdtemp(path.join(widgets, '.integrations-app-'));
    try {
      await writeFile(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            jsx: 'react-jsx',
            module: 'ESNext',
            moduleResolution: 'bundler',
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            types: [],
            noEmit: true,
            skipLibCheck: false,
            useDefineForClassFields: false,
          },
          files: ['wrappers.tsx', 'elements.tsx'],
        }),
      );
      // Each @ts-expect-error must meet an error, or tsc fails: the bad lines prove the types are live.
      await writeFile(
        path.join(dir, 'wrappers.tsx'),
        `import { LevelCompare } from '@altitude/widgets/react/level-compare';
import { RoleHealthCheck, LevelCard } from '@altitude/widgets/react';
export const good = (
  <>
    <LevelCompare levels={['staff', 'principal']} dimensions="operating-scope" heading-level={3} onDeError={(e) => e.detail.message.length} />
    <LevelCompare levels="staff principal" headingLevel={3} theme="dark" onDeLoad={(e) => e.detail} />
    <RoleHealthCheck onDeChange={(e) => e.detail.checked.join(' ')} />
    <LevelCard level="staff" ref={(card) => void card?.level} />
  </>
);
// @ts-expect-error: levels is a list of slugs, not a number
export const wrongType = <LevelCompare levels={3} />;
// @ts-expect-error: de-error carries a message, nothing else
export const wrongDetail = <LevelCompare onDeError={(e) => e.detail.code} />;
// @ts-expect-error: no such theme
export const wrongTheme = <LevelCard theme="blue" />;
`,
      );
      await writeFile(
        path.join(dir, 'elements.tsx'),
        `import type {} from '@altitude/widgets/jsx';
export const good = (
  <>
    <de-level-compare levels="staff principal" theme="light" onde-error={(e) => e.detail.message.length} />
    <de-failure-mode-card mode="super-coder" heading-level={3} lang="de" />
  </>
);
// @ts-expect-error: a misspelt attribute
export const misspelt = <de-level-compare levls="staff principal" />;
// @ts-expect-error: no such theme
export const wrongTheme = <de-level-card theme="blue" />;
// @ts-expect-error: not an Altitude tag
export const unknownTag = <de-level-compared levels="staff principal" />;
`,
      );
      const tsc = path.join(widgets, '../../node_modules/.bin/tsc');
      // tsc prints its errors on stdout and exits non-zero.
      const result = await run(tsc, ['-p', dir], { cwd: dir }).catch((error: Error & { stdout?: string }) => ({
        stdout: error.stdout || error.message,
      }));
      expect(result.stdout).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the package as published', () => {
  interface PackageJson {
    exports: Record<string, string | Record<string, string>>;
    sideEffects: string[];
    files: string[];
    'web-types': string;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
    dependencies: Record<string, string>;
  }
  const packageJson = async () => JSON.parse(await readFile(path.join(widgets, 'package.json'), 'utf8')) as PackageJson;
  /** Every file the exports map names (patterns aside), with the key that names it. */
  const exportTargets = async () =>
    Object.entries((await packageJson()).exports)
      .filter(([key]) => !key.includes('*'))
      .flatMap(([key, value]) => (typeof value === 'string' ? [value] : Object.values(value)).map((target) => ({ key, target })));

  it('exports each component (class, define.js, React wrapper), the scripts, the types and the editor data', async () => {
    const { exports } = await packageJson();
    for (const tag of TAGS) {
      const folder = tag.replace(/^de-/, '');
      for (const key of [`./${folder}`, `./${folder}/define.js`, `./react/${folder}`]) expect(exports, key).toHaveProperty([key]);
    }
    for (const key of ['.', './define.js', './altitude-widgets.js', './altitude-widgets-all.js', './react', './jsx', './vue', './ssr'])
      expect(exports, key).toHaveProperty([key]);
  });

  it('names files that exist after the build', async () => {
    const missing = (await exportTargets()).filter(({ target }) => !existsSync(path.join(widgets, target)));
    expect(missing).toEqual([]);
    const pkg = await packageJson();
    expect(existsSync(path.join(widgets, pkg['web-types']))).toBe(true);
  });

  it('marks only the modules that register elements, and the bundles, as having side effects', async () => {
    const { sideEffects } = await packageJson();
    for (const entry of sideEffects) expect(entry).toMatch(/(^|\/)define\.(js|ts)$|^\.\/dist\/(altitude-[\w-]+|ssr)\.js$/);
    expect(sideEffects).toEqual(expect.arrayContaining(['./dist/*/define.js', './dist/define.js', './dist/altitude-widgets.js']));
  });

  it('can be published as it stands: not private, public access, a name, version and license', async () => {
    const pkg = (await packageJson()) as unknown as Record<string, unknown>;
    expect(pkg['private']).toBeUndefined();
    expect(pkg).toMatchObject({ name: '@altitude/widgets', license: 'MIT', publishConfig: { access: 'public' } });
    expect(pkg['version']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('asks for Lit, and for React only where the wrappers are used', async () => {
    const pkg = await packageJson();
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['lit', 'react']);
    expect(pkg.peerDependenciesMeta.react?.optional).toBe(true);
    for (const name of Object.keys(pkg.dependencies)) expect(pkg.dependencies[name]).not.toMatch(/^(workspace|file|link):/);
  });

  it('packs what the exports name, the README and no sources, tests or maps outside dist', async () => {
    const { stdout } = await run('pnpm', ['pack', '--dry-run', '--json'], { cwd: widgets });
    const { files } = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { files: { path: string }[] };
    const packed = files.map((f) => f.path);
    expect(packed.filter((f) => /^src\/|^test\/|^scripts\/|\.test\.|\.tsbuildinfo$|(^|\/)\.|fixture/.test(f))).toEqual([]);
    expect(packed.filter((f) => f.endsWith('.map') && !f.startsWith('dist/'))).toEqual([]);
    expect(packed.filter((f) => !f.startsWith('dist/') && !f.startsWith('types/')).sort()).toEqual(
      [
        'README.md',
        'custom-elements.json',
        'package.json',
        'persisted-operations.json',
        'vscode.css-custom-data.json',
        'vscode.html-custom-data.json',
        'web-types.json',
      ].sort(),
    );
    for (const { key, target } of await exportTargets()) expect(packed, key).toContain(target.replace(/^\.\//, ''));
    // No import the packed modules make may lead back into the workspace.
    for (const file of packed.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
      const code = await readFile(path.join(widgets, file), 'utf8');
      expect(code, file).not.toMatch(/["']@altitude\/schema|["'](\.\.\/)+(src|node_modules|packages)\//);
    }
  });
});
