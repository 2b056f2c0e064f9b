import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv, REPO_ROOT } from './cli.js';
import { installFromStore, pack, type Packed } from './packed-project.js';

/** The apps under tests/fixtures/apps: the front ends career portals are built with. */
export const APPS = ['react18', 'react19', 'vue3'] as const;
export type AppName = (typeof APPS)[number];

/**
 * Where the workspace installed each app dependency (in @altitude/tests),
 * when not under its own name: React 18 sits beside React 19 as an alias.
 * The app gets exactly that version, so the install finds it in the store.
 */
const INSTALLED_AS: Readonly<Record<AppName, Readonly<Record<string, string>>>> = {
  react18: { react: 'react-18', 'react-dom': 'react-dom-18', '@types/react': '@types/react-18', '@types/react-dom': '@types/react-dom-18' },
  react19: {},
  vue3: {},
};

const TESTS_MODULES = path.join(REPO_ROOT, 'tests', 'node_modules');

export interface Outcome {
  readonly code: number | null;
  /** stdout and stderr together, as a developer reads them in a terminal. */
  readonly output: string;
}

export interface AppProject {
  readonly name: AppName;
  readonly dir: string;
  /** Runs a binary the app installed (`vite`, `tsc`, `vue-tsc`) in the app, as its npm scripts would. */
  exec(bin: string, args: readonly string[], env?: Record<string, string>): Promise<Outcome>;
  /** Serves the app's `dist/` on 127.0.0.1 with a free port. */
  serveDist(): Promise<{ url: string; close(): Promise<void> }>;
}

export interface AppProjects {
  readonly widgets: Packed;
  readonly apps: Readonly<Record<AppName, AppProject>>;
  /** Removes the apps and the tarball. */
  remove(): Promise<void>;
}

/** Every dependency of a fixture app pinned to the version the workspace installed; the widgets from their tarball. */
async function pinnedManifest(name: AppName, fixture: string, tarball: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(fixture, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const dependency of Object.keys(manifest[field] ?? {})) {
      if (dependency === '@altitude/widgets') {
        manifest[field]![dependency] = `file:${tarball}`;
        continue;
      }
      const installed = path.join(TESTS_MODULES, INSTALLED_AS[name][dependency] ?? dependency, 'package.json');
      const { version } = JSON.parse(await readFile(installed, 'utf8').catch(() => 'null')) ?? {};
      if (!version) throw new Error(`${name} depends on ${dependency}, which @altitude/tests does not install (${installed})`);
      manifest[field]![dependency] = version as string;
    }
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Runs a command to completion and keeps everything it printed, whatever its exit code. */
async function exec(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
  const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, output };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A static server for a built app: files under `root` only, index.html for `/`. */
async function serveStatic(root: string) {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
      const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      const inside = !path.relative(root, file).startsWith('..');
      const found = inside && (await stat(file).catch(() => undefined))?.isFile();
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    })().catch(() => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Packs @altitude/widgets and makes each fixture app a project of its own
 * under the system temp folder, outside the workspace, installing the widgets
 * from the tarball as an app would from npm. The installs run side by side
 * with the workspace's pnpm store (see installFromStore).
 */
export async function createAppProjects(names: readonly AppName[] = APPS): Promise<AppProjects> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'altitude-apps-'));
  if (!path.relative(REPO_ROOT, root).startsWith('..')) throw new Error(`${root} is inside the workspace; set TMPDIR elsewhere`);
  try {
    const widgets = await pack('@altitude/widgets', root);
    const entries = await Promise.all(
      names.map(async (name): Promise<[AppName, AppProject]> => {
        const fixture = path.join(REPO_ROOT, 'tests', 'fixtures', 'apps', name);
        const dir = path.join(root, name);
        await mkdir(dir);
        await cp(fixture, dir, { recursive: true, filter: (source) => !/(^|[\\/])(node_modules|dist)$/.test(source) });
        await writeFile(path.join(dir, 'package.json'), await pinnedManifest(name, fixture, widgets.tarball));
        await installFromStore(dir);
        return [
          name,
          {
            name,
            dir,
            exec: (bin, args, env) => exec(path.join(dir, 'node_modules', '.bin', bin), args, dir, env),
            serveDist: () => serveStatic(path.join(dir, 'dist')),
          },
        ];
      }),
    );
    return {
      widgets,
      apps: Object.fromEntries(entries) as Record<AppName, AppProject>,
      remove: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
