import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv, REPO_ROOT, startCliServer, type CliServer } from './cli.js';

/** What a company installs from npm, and where each package lives in the workspace. */
export const PACKAGES = {
  '@altitude/schema': 'packages/schema',
  '@altitude/server': 'packages/server',
  '@altitude/widgets': 'packages/widgets',
} as const;
export type PackageName = keyof typeof PACKAGES;

export interface Packed {
  readonly tarball: string;
  /** Every path in the tarball, relative to the package (`dist/cli.js`). */
  readonly files: readonly string[];
}

export interface PackedProject {
  /** The company's project: a package.json depending on the tarballs, and node_modules. */
  readonly dir: string;
  readonly packed: Readonly<Record<PackageName, Packed>>;
  /** The script the installed `altitude` bin runs. */
  readonly cli: string;
  /** Runs `npx altitude <args>` in the project, as a user would. */
  npx(
    args: readonly string[],
    options?: { env?: Record<string, string> },
  ): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Starts the installed `altitude serve --port 0 --host 127.0.0.1 <args>` in the project. */
  serve(args?: readonly string[], options?: { env?: Record<string, string> }): Promise<CliServer>;
  /** Removes the project and the tarballs. */
  remove(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/** Runs a command to completion; a failure carries everything it printed. */
async function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${(error as Error).message}\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

/** `pnpm pack` of one workspace package (its prepack included) into `into`. */
export async function pack(name: PackageName, into: string): Promise<Packed> {
  const stdout = await run('pnpm', ['pack', '--pack-destination', into, '--json'], path.join(REPO_ROOT, PACKAGES[name]));
  // Lifecycle scripts (the schema's prepack) print their banner before the JSON.
  const { filename, files } = JSON.parse(stdout.slice(stdout.search(/^\{/m))) as { filename: string; files: { path: string }[] };
  return { tarball: path.resolve(into, filename), files: files.map((f) => f.path) };
}

/**
 * `pnpm install` of the project in `dir` with the workspace's store, as
 * createPackedProject does (see there for why these flags).
 */
export async function installFromStore(dir: string): Promise<void> {
  const store = (await run('pnpm', ['store', 'path'], REPO_ROOT)).trim();
  await run('pnpm', ['install', '--prefer-offline', '--store-dir', store, '--config.hoist=false', '--reporter=append-only'], dir);
}

/**
 * Packs the three packages and installs them from their tarballs into a new
 * project under the system temp folder, outside the workspace, as a company
 * depending on Altitude from npm would: nothing of the repository is reachable
 * from there. `files` are written into the project first (relative paths),
 * e.g. the company's own content or altitude.config.yaml.
 *
 * The install is pnpm's, with the workspace's store and `--prefer-offline`:
 * after `pnpm install` of the workspace every package is already in the store
 * and its metadata cached, so it takes seconds and only asks the registry for
 * what is missing. `hoist=false` keeps pnpm from making undeclared packages
 * importable, so a dependency missing from a package.json fails here.
 */
export async function createPackedProject(options: { files?: Record<string, string> } = {}): Promise<PackedProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'altitude-packed-'));
  if (!path.relative(REPO_ROOT, root).startsWith('..')) throw new Error(`${root} is inside the workspace; set TMPDIR elsewhere`);
  try {
    const tarballs = path.join(root, 'tarballs');
    const dir = path.join(root, 'project');
    await mkdir(tarballs);
    await mkdir(dir);
    const names = Object.keys(PACKAGES) as PackageName[];
    const packed = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await pack(name, tarballs)] as const))) as Record<
      PackageName,
      Packed
    >;

    const fileSpec = Object.fromEntries(names.map((name) => [name, `file:${packed[name].tarball}`]));
    const manifest = {
      name: 'company-handbook',
      private: true,
      type: 'module',
      dependencies: fileSpec,
      // The packages depend on each other by version (pnpm pack rewrote workspace:*);
      // until they are on a registry, those versions are the tarballs.
      pnpm: { overrides: fileSpec },
    };
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [file, text] of Object.entries(options.files ?? {})) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }

    await installFromStore(dir);

    const server = path.join(dir, 'node_modules', '@altitude', 'server');
    const { bin } = JSON.parse(await readFile(path.join(server, 'package.json'), 'utf8')) as { bin: { altitude: string } };
    const cli = path.join(server, bin.altitude);

    return {
      dir,
      packed,
      cli,
      async npx(args, { env = {} } = {}) {
        const child = spawn('npx', ['--no', 'altitude', ...args], {
          cwd: dir,
          env: cleanEnv({ npm_config_update_notifier: 'false', ...env }),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        // 'close', not 'exit': everything printed has been read.
        const [code] = (await once(child, 'close')) as [number | null];
        return { code, stdout, stderr };
      },
      serve: (args = [], { env } = {}) => startCliServer(args, { cwd: dir, cli, ...(env ? { env } : {}) }),
      remove: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
