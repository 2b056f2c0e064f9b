import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import type { Framework } from '@altitude/schema';
// Not from @altitude/widgets/ssr: that loads Lit's server renderer, which every CLI command would then pay for.
import { OPERATION_ACCEPT, operationUrl, staticOperationPath } from '@altitude/widgets/client/operation-url';
import { ConfigError, envPublicUrl, loadConfig, type ResolvedConfig } from '../config/altitude-config.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { PERSISTED_OPERATIONS, persistedOperationNamed } from '../graphql/persisted-operations.js';
import { GRAPHQL_PATH } from '../graphql/yoga.js';
import { EXPORT_PATHS, EXPORT_SCHEMA_PATH_URL } from '../http/export-routes.js';
import { startServer } from '../http/start-server.js';
import { createLogger } from '../logger.js';
import { crashPoint } from './crash-point.js';
import { headerRules, headersToCopy, netlifyHeaders, nginxHeaders } from './static-headers.js';
import { MARKER, refuseToReplace, restoreInterruptedSwap, fileDigest, swapIn, tidyEarlierBuilds, type Manifest } from './static-site.js';

export interface BuildStaticOptions {
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  readonly cwd: string;
  readonly out: string;
  readonly publicUrl?: string;
  readonly config?: string;
  readonly force: boolean;
}

/** Cloudflare Pages ignores the rules of a _headers file after this many. */
const CLOUDFLARE_MAX_RULES = 100;
// The one place the bundle names its default endpoint (src/client/endpoint.ts),
// in whichever quotes the minifier chose.
const SERVER_DEFAULT = /(["'`])\.\/graphql\1/g;

interface File {
  /** Path on the running server. */
  readonly from: string;
  /** Path in the output folder. */
  readonly to: string;
  readonly accept?: string;
  readonly edit?: (body: Buffer) => Buffer;
}

/**
 * `altitude build-static --out DIR`: every file a reader needs, fetched from
 * an Altitude server started in this process (so the bytes are the server's
 * own), with the headers it sends them with (`_headers`, headers.nginx.conf),
 * written to a fresh folder that then takes DIR's place by renames. Nothing
 * that is not an earlier build is ever deleted: --force moves it aside.
 */
export async function runBuildStatic(options: BuildStaticOptions): Promise<number> {
  const fail = (code: number, message: string) => {
    process.stderr.write(`altitude: ${message}\n`);
    return code;
  };
  const opened = await ContentStore.open(options.contentDir, options.cwd, options.overlays);
  if (!opened.ok) {
    for (const message of opened.messages) process.stderr.write(`${message}\n`);
    return 1;
  }
  let config: ResolvedConfig;
  let serverOptions: ServerOptions;
  try {
    serverOptions = { ...readServerOptions(), production: true };
    config = await loadConfig(opened.store.framework, options.cwd, options.config);
  } catch (error) {
    if (error instanceof ConfigError) return fail(2, error.message);
    throw error;
  }
  const publicUrl = options.publicUrl ?? envPublicUrl() ?? config.publicUrl;
  if (!publicUrl)
    return fail(2, 'build-static needs the URL the files will be served from: --public-url https://altitude-static.example.com');
  const origin = URL.parse(publicUrl);
  if (!origin || (origin.protocol !== 'https:' && origin.protocol !== 'http:') || origin.pathname.replace(/\/+$/, '') !== '')
    return fail(2, `--public-url must be an http(s) origin with no path, such as https://altitude-static.example.com, not "${publicUrl}"`);

  const out = path.resolve(options.cwd, options.out);
  const restored = await restoreInterruptedSwap(out);
  if (restored) process.stderr.write(`altitude: put back the site an interrupted build had moved to ${restored}\n`);
  await tidyEarlierBuilds(out);
  const refusal = await refuseToReplace(out, options.force);
  if (refusal) return fail(2, refusal);

  const files = plan(opened.store.framework, origin.origin);
  const server = await startServer(opened.store, createLogger({ level: 'error', write: () => {} }), {
    port: 0,
    host: '127.0.0.1',
    serverOptions,
    // The server of the public origin, so it sends the headers (shared caching included) it would send there.
    config: { ...config, publicUrl: origin.origin },
  });
  await mkdir(path.dirname(out), { recursive: true });
  const staging = await mkdtemp(`${out}.partial-`);
  // mkdtemp makes the folder private (0700); the site must be readable by the web server, like any folder mkdir makes.
  await chmod(staging, 0o777 & ~process.umask());
  let bytes = 0;
  let swapped;
  try {
    let done = 0;
    const written: Record<string, string> = {};
    const headers = new Map<string, Record<string, string>>();
    const put = async (to: string, body: Buffer | string) => {
      const target = path.join(staging, to);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, body);
      written[to] = fileDigest(body);
      bytes += body.length;
    };
    for (const file of files) {
      const response = await get(server.url, file.from, origin, file.accept);
      if (response.status !== 200) throw new Error(`${file.from} answered ${response.status}: ${response.body.toString().slice(0, 300)}`);
      await put(file.to, file.edit ? file.edit(response.body) : response.body);
      headers.set(file.to, headersToCopy(response.headers));
      done++;
      // A counter on a terminal; logs and CI get only the summary line.
      if (process.stderr.isTTY && (done % 10 === 0 || done === files.length)) process.stderr.write(`\r${done}/${files.length} files`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    // A static host sends none of the server's headers unless told: the CSP and frame-ancestors of the embed pages, CORS, cache policy.
    const rules = headerRules(headers);
    if (rules.length > CLOUDFLARE_MAX_RULES)
      process.stderr.write(
        `altitude: _headers has ${rules.length} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_MAX_RULES} (Netlify and headers.nginx.conf have no such limit)\n`,
      );
    await put('_headers', netlifyHeaders(rules, origin.origin));
    await put('headers.nginx.conf', nginxHeaders(rules, origin.origin));
    const manifest: Manifest = {
      format: 'altitude.static-build',
      origin: origin.origin,
      contentHash: opened.store.framework.contentHash,
      files: written,
    };
    // Last, so a folder with a manifest is always a whole build.
    await writeFile(path.join(staging, MARKER), `${JSON.stringify(manifest, null, 1)}\n`);
    crashPoint('static-built');
    swapped = await swapIn(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return fail(1, `build-static failed, nothing was changed in ${options.out}: ${(error as Error).message}`);
  } finally {
    await server.close();
  }
  if (swapped.keptAt && swapped.unlistedBuild)
    process.stderr.write(
      `altitude: kept the earlier build that was in ${options.out} at ${swapped.keptAt}: it was made before builds listed their files, so they cannot be told from files added by hand; nothing in it was deleted (later builds replace each other without this)\n`,
    );
  else if (swapped.keptAt)
    process.stderr.write(
      `altitude: kept what was in ${options.out} at ${swapped.keptAt}: ${swapped.kept.length} file${swapped.kept.length === 1 ? '' : 's'} no build wrote (${swapped.kept.slice(0, 3).join(', ')}${swapped.kept.length > 3 ? ', …' : ''}); nothing in it was deleted\n`,
    );
  process.stderr.write(
    `Wrote ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${path.relative(options.cwd, out) || '.'} for ${origin.origin}\n`,
  );
  return 0;
}

/** Every file of a static build, from the content. */
function plan(framework: Framework, origin: string): File[] {
  const levels = framework.levels.map((l) => l.slug);
  const modes = framework.failureModes.map((m) => m.slug);
  const comparisons = sequences(levels);
  // An embed page fetches the static answers, and names no oEmbed endpoint: a static host has none.
  const staticEmbed = (body: Buffer) =>
    Buffer.from(
      body
        .toString()
        .replaceAll(`${origin}/graphql"`, `${origin}/graphql/"`)
        .replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>\n?/, ''),
    );
  const files: File[] = [
    { from: '/widgets.js', to: 'widgets.js', edit: pointAtStaticFiles },
    { from: '/altitude-widgets.js.map', to: 'altitude-widgets.js.map' },
    { from: '/embed.js', to: 'embed.js', edit: pointAtStaticFiles },
    { from: '/embed.css', to: 'embed.css' },
    { from: '/embed-resize.js', to: 'embed-resize.js' },
    ...[...EXPORT_PATHS.keys(), EXPORT_SCHEMA_PATH_URL].map((p) => ({ from: p, to: p.slice(1) })),
  ];
  // Static hosts ignore query strings, so a comparison's levels become the file name.
  const embeds = [
    ...levels.map((l) => ({ server: `level/${l}`, file: `level/${l}` })),
    ...modes.map((m) => ({ server: `failure-mode/${m}`, file: `failure-mode/${m}` })),
    { server: 'failure-modes', file: 'failure-modes' },
    { server: 'leverage-mechanisms', file: 'leverage-mechanisms' },
    ...comparisons.map((s) => ({ server: `level-compare?levels=${s.join(',')}`, file: `level-compare/${s.join(',')}` })),
  ];
  for (const { server, file } of embeds) {
    const [pathPart, query] = server.split('?');
    const suffix = query ? `?${query}` : '';
    files.push({ from: `/embed/${server}`, to: `embed/${file}.html`, edit: staticEmbed });
    files.push({ from: `/snippet/${pathPart}.html${suffix}`, to: `snippet/${file}.html` });
    files.push({ from: `/snippet/${pathPart}.md${suffix}`, to: `snippet/${file}.md` });
  }
  const operation = (name: string, variables: Record<string, unknown>) => {
    const { id } = persistedOperationNamed(name);
    // The very request a widget makes, so the file holds the bytes it would get.
    const from = operationUrl(`${origin}${GRAPHQL_PATH}`, id, variables).slice(origin.length);
    files.push({ from, to: `graphql/${staticOperationPath(id, variables)}`, accept: OPERATION_ACCEPT });
  };
  operation('FailureModeGrid', {});
  operation('LeverageMechanisms', {});
  for (const slug of levels) operation('LevelCard', { slug });
  for (const slug of modes) operation('FailureModeCard', { slug });
  for (const slugs of comparisons) operation('LevelComparison', { slugs });
  const unplanned = [...PERSISTED_OPERATIONS.values()].filter((o) => !files.some((f) => f.to.startsWith(`graphql/${o.id}/`)));
  if (unplanned.length) throw new Error(`no static files for ${unplanned.map((o) => o.name).join(', ')}; add them to build-static`);
  return files;
}

/** Every ordering of every choice of two or more distinct levels: the columns a comparison may have. */
function sequences(items: readonly string[]): string[][] {
  const result: string[][] = [];
  const extend = (prefix: string[]) => {
    if (prefix.length >= 2) result.push(prefix);
    for (const item of items) if (!prefix.includes(item)) extend([...prefix, item]);
  };
  extend([]);
  return result;
}

/** The bundle, defaulting to the static answers beside it instead of a server's /graphql. */
function pointAtStaticFiles(body: Buffer): Buffer {
  const text = body.toString();
  const count = [...text.matchAll(SERVER_DEFAULT)].length;
  if (count !== 1) throw new Error(`expected the bundle to name its default endpoint "./graphql" once, found it ${count} times`);
  return Buffer.from(text.replace(SERVER_DEFAULT, '$1./graphql/$1'));
}

function get(
  base: string,
  target: string,
  origin: URL,
  accept?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${target}`,
      // As if the reader had asked the public origin, so the pages' links point there.
      { headers: { host: origin.host, 'x-forwarded-proto': origin.protocol.slice(0, -1), ...(accept ? { accept } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
