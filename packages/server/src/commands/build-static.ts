import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import type { Framework, LoadOptions } from '@altitude/schema';
import { ConfigError, envPublicUrl, loadConfig, type ResolvedConfig } from '../config/altitude-config.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { PERSISTED_OPERATIONS } from '../graphql/persisted-operations.js';
import { startServer } from '../http/start-server.js';
import { builtWidgetFiles } from '../http/widgets-bundle.js';
import { createLogger } from '../logger.js';
import { crashPoint } from './crash-point.js';
import { headerRules, headersToCopy, netlifyHeaders, nginxHeaders, type HeaderRule } from './static-headers.js';
import { LOCALES_INDEX, localesIndex } from './static-locales.js';
import { localeFolder, localesToBuild, planStaticSite, StaticPlanError, type StaticPlan } from './static-plan.js';
import { MARKER, refuseToReplace, restoreInterruptedSwap, fileDigest, swapIn, tidyEarlierBuilds, type Manifest } from './static-site.js';

export interface BuildStaticOptions {
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly cwd: string;
  readonly out: string;
  readonly publicUrl?: string;
  readonly config?: string;
  readonly force: boolean;
  /** Also write the generated pseudo-locales (en-XA, ar-XB), which are for testing layouts. */
  readonly pseudoLocales?: boolean;
  /** Only these locales (comma-separated tags), English always among them; default: every served one. */
  readonly locales?: string;
}

/** Cloudflare Pages ignores the rules of a _headers file after this many. */
const CLOUDFLARE_MAX_RULES = 100;

/**
 * `altitude build-static --out DIR`: every file a reader needs, fetched from
 * an Altitude server started in this process (so the bytes are the server's
 * own), with the headers it sends them with (`_headers`, headers.nginx.conf),
 * written to a fresh folder that then takes DIR's place by renames. Nothing
 * that is not an earlier build is ever deleted: --force moves it aside.
 * Every served locale is written (the pseudo-locales when asked), and
 * `locales.json` lists them.
 */
export async function runBuildStatic(options: BuildStaticOptions): Promise<number> {
  const fail = (code: number, message: string) => {
    process.stderr.write(`altitude: ${message}\n`);
    return code;
  };
  const opened = await ContentStore.open(options.contentDir, options.cwd, options);
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

  let plan: StaticPlan;
  try {
    const locales = localesToBuild(opened.store.framework, options.locales, options.pseudoLocales ?? false);
    plan = planStaticSite(opened.store.framework, origin.origin, locales, PERSISTED_OPERATIONS.values(), await widgetFiles());
  } catch (error) {
    if (error instanceof StaticPlanError) return fail(2, error.message);
    throw error;
  }
  const { files } = plan;
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
    const chunkProblem = plan.endpointChunks.problem();
    if (chunkProblem) throw new Error(chunkProblem);
    // Not a server response: which locales the build holds and where, for people and scripts choosing among them.
    await put(LOCALES_INDEX.path, localesIndex(opened.store.framework, plan.perLocale));
    headers.set(LOCALES_INDEX.path, LOCALES_INDEX.headers);
    // A static host sends none of the server's headers unless told: the CSP and frame-ancestors of the embed pages, CORS, cache policy.
    const rules = englishFirst(headerRules(headers), plan);
    if (rules.length > CLOUDFLARE_MAX_RULES)
      process.stderr.write(
        `altitude: _headers has ${rules.length} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_MAX_RULES}, which cover the files every locale shares and English first (Netlify and headers.nginx.conf have no such limit; --locales builds fewer)\n`,
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
    `Wrote ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${path.relative(options.cwd, out) || '.'} for ${origin.origin}\n${localesLine(opened.store.framework, plan)}\n`,
  );
  return 0;
}

/**
 * The rules of the files every locale shares and of English first, those of
 * the other locales' folders after: a host that reads only so many rules
 * (Cloudflare Pages) still serves what a build without locales served as it
 * did. No two rules match one path, so their order changes nothing else.
 */
function englishFirst(rules: readonly HeaderRule[], plan: StaticPlan): HeaderRule[] {
  const folders = [...plan.perLocale.keys()]
    .filter(localeFolder)
    .flatMap((tag) => [`/embed/${localeFolder(tag)}`, `/snippet/${localeFolder(tag)}`]);
  const inLocale = (rule: HeaderRule) => folders.some((folder) => rule.path.startsWith(folder));
  return [...rules.filter((r) => !inLocale(r)), ...rules.filter(inLocale)];
}

/** The loader's chunks and the word catalogues the widgets build wrote under widgets/ (`level-card-….js`, `locales/de.js`); none before a build. */
async function widgetFiles(): Promise<string[]> {
  return [...((await builtWidgetFiles()) ?? [])].sort();
}

/** The summary's second line: the files of each locale, and the locales left out. */
function localesLine(framework: Framework, plan: StaticPlan): string {
  const built = [...plan.perLocale].map(([tag, n]) => `${tag} ${n} files`).join(', ');
  const generated = framework.locales.filter((l) => l.generated && !plan.perLocale.has(l.tag)).map((l) => l.tag);
  const others = framework.locales.filter((l) => !l.generated && !plan.perLocale.has(l.tag)).map((l) => l.tag);
  return [
    `Locales: ${built}`,
    others.length ? `; not built: ${others.join(', ')}` : '',
    generated.length ? `; pseudo-locales ${generated.join(', ')} only with --pseudo-locales` : '',
  ].join('');
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
