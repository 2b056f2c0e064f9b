#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import type * as CheckCommand from './commands/check.js';
import type * as ExportCommand from './commands/export.js';
import type * as ReleaseCommand from './commands/release.js';
import type * as SnippetCommand from './commands/snippet.js';
import type * as PrintCommand from './commands/print.js';
import type * as SyncCommand from './commands/sync.js';
import type * as BuildStaticCommand from './commands/build-static.js';
import type * as ServeCommand from './commands/serve.js';
import type * as LocalesStatusCommand from './commands/locales/locales-status.js';
import type * as LocalesExportCommand from './commands/locales/locales-export.js';
import type * as LocalesImportCommand from './commands/locales/locales-import.js';
import type * as OverlayDiffCommand from './commands/overlay/overlay-diff.js';
import type * as OverlayInitCommand from './commands/overlay/overlay-init.js';
import type * as OverlayPinCommand from './commands/overlay/overlay-pin.js';
import { DEFAULT_RETRY } from './sync/webhook-sender.js';
import { CLI_EXPORT_FORMATS, type CliExportFormat } from './exports/export-formats.js';
import { resolveContentDir, userCwd } from './commands/user-cwd.js';
import { createLogger, parseLogLevel } from './logger.js';
import { API_VERSION } from '@altitude/schema';
import { ConfigError, contentSettings } from './config/altitude-config.js';

// Each command's code loads when it runs: `altitude check` does not pay for the server's, nor `--help` for any.
const runCheck = async (...args: Parameters<typeof CheckCommand.runCheck>) => (await import('./commands/check.js')).runCheck(...args);
const runExport = async (...args: Parameters<typeof ExportCommand.runExport>) => (await import('./commands/export.js')).runExport(...args);
const runRelease = async (...args: Parameters<typeof ReleaseCommand.runRelease>) =>
  (await import('./commands/release.js')).runRelease(...args);
const runSnippet = async (...args: Parameters<typeof SnippetCommand.runSnippet>) =>
  (await import('./commands/snippet.js')).runSnippet(...args);
const runPrint = async (...args: Parameters<typeof PrintCommand.runPrint>) => (await import('./commands/print.js')).runPrint(...args);
const runSync = async (...args: Parameters<typeof SyncCommand.runSync>) => (await import('./commands/sync.js')).runSync(...args);
const runBuildStatic = async (...args: Parameters<typeof BuildStaticCommand.runBuildStatic>) =>
  (await import('./commands/build-static.js')).runBuildStatic(...args);
const runServe = async (...args: Parameters<typeof ServeCommand.runServe>) => (await import('./commands/serve.js')).runServe(...args);
const runLocalesStatus = async (...args: Parameters<typeof LocalesStatusCommand.runLocalesStatus>) =>
  (await import('./commands/locales/locales-status.js')).runLocalesStatus(...args);
const runLocalesExport = async (...args: Parameters<typeof LocalesExportCommand.runLocalesExport>) =>
  (await import('./commands/locales/locales-export.js')).runLocalesExport(...args);
const runLocalesImport = async (...args: Parameters<typeof LocalesImportCommand.runLocalesImport>) =>
  (await import('./commands/locales/locales-import.js')).runLocalesImport(...args);
const runOverlayDiff = async (...args: Parameters<typeof OverlayDiffCommand.runOverlayDiff>) =>
  (await import('./commands/overlay/overlay-diff.js')).runOverlayDiff(...args);
const runOverlayInit = async (...args: Parameters<typeof OverlayInitCommand.runOverlayInit>) =>
  (await import('./commands/overlay/overlay-init.js')).runOverlayInit(...args);
const runOverlayPin = async (...args: Parameters<typeof OverlayPinCommand.runOverlayPin>) =>
  (await import('./commands/overlay/overlay-pin.js')).runOverlayPin(...args);

const parsePort = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port)');
  return port;
};

const contentOption = () =>
  new Option(
    '--content <dir>',
    'folder holding the content YAML files (default: $ALTITUDE_CONTENT, else the upstream framework shipped with Altitude)',
  );

const overlayOption = () =>
  new Option(
    '--overlay <dir>',
    'overlay folder that makes the framework your own ladder; repeat to apply several in order (default: $ALTITUDE_OVERLAY, then overlay in altitude.config)',
  ).argParser((dir: string, previous: string[] = []) => [...previous, dir]);

/** The content folder, the overlays to apply and what the config says of locales, or exit 2 with the config's problem. */
async function contentSource(opts: { content?: string; overlay?: string[]; config?: string }, cwd: string) {
  try {
    const { overlays, locales } = await contentSettings(opts.overlay, cwd, opts.config);
    return {
      contentDir: resolveContentDir(opts.content, cwd),
      overlays,
      localeFallbacks: locales.fallbacks,
      completeLocales: locales.complete,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`altitude: ${error.message}\n`);
    process.exit(2);
  }
}

const stdio = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };

const program = new Command('altitude')
  .description('Altitude: the Distinguished Engineer role framework as a GraphQL API.')
  .version(API_VERSION, '-V, --version', 'print the API version')
  .showHelpAfterError()
  .exitOverride((error) => {
    // commander exits 1 on usage errors; we keep 2 for usage, like most CLIs.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

program
  .command('check')
  .description(
    'validate the content: shape, unknown fields, slugs, every cross-reference; prints every error as path:line:column field: message',
  )
  .addOption(contentOption())
  .addOption(overlayOption())
  .option(
    '--strict',
    'fail on warnings too: an amendment whose upstream item has changed since its basedOn, a locale declared complete (locales.complete) with missing or stale strings',
    false,
  )
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay and locales (default: the one here)')
  .action(async (opts: { content?: string; overlay?: string[]; strict: boolean; config?: string }) => {
    const cwd = userCwd();
    const { contentDir, completeLocales: complete, ...load } = await contentSource(opts, cwd);
    process.exitCode = await runCheck(
      contentDir,
      cwd,
      { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
      { ...load, strict: opts.strict, complete },
    );
  });

program
  .command('serve')
  .description('serve the GraphQL API (GraphiQL at /graphql), /health and /ready')
  .addOption(contentOption())
  .addOption(overlayOption())
  .addOption(new Option('--port <port>', 'port to listen on').env('PORT').default(4000).argParser(parsePort))
  .addOption(new Option('--host <host>', 'address to bind').env('HOST').default('127.0.0.1'))
  .option('--watch', 'reload the content when a file changes; invalid edits are reported and the last good content keeps serving', false)
  .option(
    '--config <file>',
    'job codes, job family, occupational category and public URL for /export (default: altitude.config.json or .yaml here)',
  )
  .addOption(
    new Option('--log-level <level>', 'least severe log level written')
      .choices(['debug', 'info', 'warn', 'error'])
      .env('LOG_LEVEL')
      .default('info'),
  )
  .action(
    async (opts: {
      content?: string;
      overlay?: string[];
      port: number;
      host: string;
      watch: boolean;
      logLevel: string;
      config?: string;
    }) => {
      const cwd = userCwd();
      const logger = createLogger({ level: parseLogLevel(opts.logLevel) });
      process.exitCode = await runServe(
        { ...(await contentSource(opts, cwd)), cwd, port: opts.port, host: opts.host, watch: opts.watch },
        logger,
      );
    },
  );

program
  .command('build-static')
  .description(
    'write widgets.js, every export, embed page and snippet, and every persisted answer as plain files for any static host or CDN, in every locale',
  )
  .requiredOption('--out <dir>', 'folder to write; replaced as a whole when the build succeeds')
  .option(
    '--public-url <url>',
    'origin the files will be served from, e.g. https://altitude-static.example.com (default: ALTITUDE_PUBLIC_URL, then publicUrl in the config)',
  )
  .option(
    '--force',
    'replace --out even when it holds something other than an earlier static build (moved aside and kept, never deleted)',
    false,
  )
  .option('--pseudo-locales', 'also write the generated pseudo-locales (en-XA, ar-XB), which are for testing layouts', false)
  .option(
    '--locales <tags>',
    'only these served locales, comma-separated, e.g. de,ja (English is always written; default: every one served)',
  )
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml (default: the one here)')
  .action(
    async (opts: {
      out: string;
      publicUrl?: string;
      force: boolean;
      pseudoLocales: boolean;
      locales?: string;
      content?: string;
      overlay?: string[];
      config?: string;
    }) => {
      const cwd = userCwd();
      process.exitCode = await runBuildStatic({
        ...(await contentSource(opts, cwd)),
        cwd,
        out: opts.out,
        publicUrl: opts.publicUrl,
        config: opts.config,
        force: opts.force,
        pseudoLocales: opts.pseudoLocales,
        ...(opts.locales === undefined ? {} : { locales: opts.locales }),
      });
    },
  );

program
  .command('export')
  .description(
    'write the framework as canonical JSON, a CSV of job profiles, schema.org JSON-LD, or the import files of an HR suite (15Five, SAP SuccessFactors Job Profile Builder, Workday)',
  )
  .addOption(
    new Option('--format <format>', 'json, csv, jsonld, 15five, sap-jpb or workday (required unless --template is given)').choices(
      CLI_EXPORT_FORMATS,
    ),
  )
  .option('--out <file>', 'write to this file (atomically) instead of stdout; a folder for 15five, sap-jpb and workday')
  .option(
    '--template <file>',
    "fill a template downloaded from your HR system (SAP's with two header rows, Culture Amp, HiBob, a Workday EIB sheet) with Altitude's rows, its header kept",
  )
  .option(
    '--check',
    "HR suites: check the files against the suite's documented rules and print a report; writes nothing, exit 1 on a problem",
    false,
  )
  .option('--bom', 'start the CSV with a UTF-8 byte-order mark, for spreadsheet tools that need one', false)
  .option('--locale <tag>', 'BCP 47 tag of the language to export in, e.g. de; one not served falls back along its chain (default: en)')
  .option(
    '--locale-columns <tags>',
    'CSV only: locales served, comma-separated, that each add a column per translatable column, e.g. de,ja for "Job Title.de_DE" and "Job Title.ja_JP"',
  )
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'job codes, job family and occupational category (default: altitude.config.json or .yaml here)')
  .action(
    async (opts: {
      format?: CliExportFormat;
      out?: string;
      template?: string;
      check: boolean;
      bom: boolean;
      locale?: string;
      localeColumns?: string;
      content?: string;
      overlay?: string[];
      config?: string;
    }) => {
      const cwd = userCwd();
      process.exitCode = await runExport({ ...opts, ...(await contentSource(opts, cwd)), cwd });
    },
  );

program
  .command('release')
  .description('freeze the current content as a release snapshot under content/releases/ and set the framework version')
  .argument('<version>', 'semantic version, greater than the last release')
  .addOption(contentOption())
  .addOption(overlayOption())
  .action(async (version: string, opts: { content?: string; overlay?: string[] }) => {
    const cwd = userCwd();
    process.exitCode = await runRelease({ version, ...(await contentSource(opts, cwd)), cwd });
  });

program
  .command('snippet')
  .description('print a static HTML or Markdown snippet of a widget, for wikis that take neither scripts nor iframes')
  .argument('<widget>', 'level-compare, level, failure-mode, leverage-mechanisms or failure-modes')
  .argument('[slug]', 'the level or failure mode, for level and failure-mode')
  .option('--levels <slugs>', 'for level-compare: level slugs, comma-separated, e.g. staff,distinguished')
  .option('--dimensions <slugs>', 'for level-compare: only these dimensions, comma-separated')
  .option(
    '--lang <tag>',
    'language to write it in, a BCP 47 tag such as de or ja (default: English); one not served falls back along its chain',
  )
  .addOption(new Option('--format <format>', 'html or md').choices(['html', 'md']).default('html'))
  .addOption(contentOption())
  .addOption(overlayOption())
  .action(
    async (
      widget: string,
      slug: string | undefined,
      opts: { levels?: string; dimensions?: string; lang?: string; format: 'html' | 'md'; content?: string; overlay?: string[] },
    ) => {
      const cwd = userCwd();
      process.exitCode = await runSnippet({
        widget,
        ...(slug ? { slug } : {}),
        ...opts,
        ...(await contentSource(opts, cwd)),
        cwd,
      });
    },
  );

const printCommand = program
  .command('print')
  .description('write a handout as HTML laid out for A4 or Letter, to open in a browser and print (same page as /print/…)');

const printOptions = (command: Command) =>
  command
    .option(
      '--lang <tag>',
      'language to write it in, a BCP 47 tag such as de or ja (default: English); one not served falls back along its chain',
    )
    .addOption(new Option('--paper <size>', 'paper it is laid out for').choices(['a4', 'letter']).default('a4'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(contentOption())
    .addOption(overlayOption())
    .option('--config <file>', 'altitude.config.json or .yaml, for its overlay and locales (default: the one here)');

type PrintOpts = { lang?: string; paper: string; out?: string; content?: string; overlay?: string[]; config?: string };

const runPrintCommand = async (kind: 'level' | 'compare', slugs: string[], opts: PrintOpts) => {
  const cwd = userCwd();
  const { lang, paper, out } = opts;
  process.exitCode = await runPrint({ kind, slugs, lang, paper, out, ...(await contentSource(opts, cwd)), cwd }, stdio);
};

printOptions(
  printCommand
    .command('level')
    .description("one level's handout: expectations, signs, steps, sources")
    .argument('<slug>', 'the level, e.g. principal'),
).action((slug: string, opts: PrintOpts) => runPrintCommand('level', [slug], opts));

printOptions(
  printCommand
    .command('compare')
    .description('a comparison of levels by dimension')
    .argument('<slugs...>', 'the levels, e.g. staff principal distinguished'),
).action((slugs: string[], opts: PrintOpts) => runPrintCommand('compare', slugs, opts));

const overlayCommand = program
  .command('overlay')
  .description('start, compare and pin a company overlay (your own ladder on top of the framework)');

overlayCommand
  .command('init')
  .description('write a commented starter overlay into DIR (a new or empty folder)')
  .argument('<dir>', 'folder to write the overlay into')
  .addOption(contentOption())
  .action(async (dir: string, opts: { content?: string }) => {
    const cwd = userCwd();
    process.exitCode = await runOverlayInit({ dir, contentDir: resolveContentDir(opts.content, cwd), cwd }, stdio);
  });

overlayCommand
  .command('diff')
  .description('print what the overlays change against upstream: added, amended (before and after), hidden')
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay (default: the one here)')
  .option('--json', 'print JSON instead of a table', false)
  .action(async (opts: { content?: string; overlay?: string[]; config?: string; json: boolean }) => {
    const cwd = userCwd();
    process.exitCode = await runOverlayDiff({ ...(await contentSource(opts, cwd)), cwd, json: opts.json }, stdio);
  });

overlayCommand
  .command('pin')
  .description("record in each amendment the hash of the upstream item it applies to now (after you have reviewed check's warnings)")
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay (default: the one here)')
  .action(async (opts: { content?: string; overlay?: string[]; config?: string }) => {
    const cwd = userCwd();
    process.exitCode = await runOverlayPin({ ...(await contentSource(opts, cwd)), cwd }, stdio);
  });

const localesCommand = program.command('locales').description('the languages the framework is served in, and their translations');

localesCommand
  .command('status')
  .description('translated, missing and stale strings per locale and entity type')
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay and locales (default: the one here)')
  .option('--json', 'print JSON instead of a table', false)
  .option('--strict', 'exit 1 when a locale the config declares complete (locales.complete) has a missing or stale string', false)
  .action(async (opts: { content?: string; overlay?: string[]; config?: string; json: boolean; strict: boolean }) => {
    const cwd = userCwd();
    const { completeLocales: complete, ...source } = await contentSource(opts, cwd);
    process.exitCode = await runLocalesStatus({ ...source, cwd, json: opts.json, strict: opts.strict, complete }, stdio);
  });

localesCommand
  .command('export')
  .description("write an XLIFF 2.0 file for a translation vendor: the locale's missing and stale strings, with the English and its hash")
  .requiredOption('--locale <tag>', 'BCP 47 tag of the language to translate into, e.g. fr or pt-BR')
  .option('--all', 'every string, translated ones too (with their translation as the target)', false)
  .option('--out <file>', 'write to this file (atomically) instead of stdout')
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay (default: the one here)')
  .action(async (opts: { locale: string; all: boolean; out?: string; content?: string; overlay?: string[]; config?: string }) => {
    const cwd = userCwd();
    const source = await contentSource(opts, cwd);
    process.exitCode = await runLocalesExport({ ...source, cwd, locale: opts.locale, all: opts.all, out: opts.out }, stdio);
  });

localesCommand
  .command('import')
  .description("read a vendor's XLIFF 2.0 file back into the locale's translation files, checked as the loader checks them; all or nothing")
  .argument('<file>', 'the XLIFF file, as `altitude locales export` wrote it and the vendor filled in')
  .option('--dry-run', 'check the file and print what would be written, and write nothing', false)
  .option(
    '--accept-stale',
    'write strings whose English has changed since the export anyway, as translations of the English as it is now (default: refuse them)',
    false,
  )
  .addOption(contentOption())
  .addOption(overlayOption())
  .option('--config <file>', 'altitude.config.json or .yaml, for its overlay (default: the one here)')
  .action(async (file: string, opts: { dryRun: boolean; acceptStale: boolean; content?: string; overlay?: string[]; config?: string }) => {
    const cwd = userCwd();
    const source = await contentSource(opts, cwd);
    process.exitCode = await runLocalesImport({ ...source, cwd, file, dryRun: opts.dryRun, acceptStale: opts.acceptStale }, stdio);
  });

const positiveInt = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} must be a whole number of 1 or more`);
  return n;
};

program
  .command('sync')
  .description(
    'push every change since the last sync to an HR system as signed webhooks (Standard Webhooks), remembering what was delivered',
  )
  .requiredOption('--url <url>', 'the receiver, e.g. https://hr.example.com/hooks/altitude')
  .addOption(
    new Option('--secret <secret>', 'the Standard Webhooks signing secret, whsec_… (better: set ALTITUDE_WEBHOOK_SECRET)').env(
      'ALTITUDE_WEBHOOK_SECRET',
    ),
  )
  .option('--state <file>', 'where to remember what the target acknowledged', 'altitude-sync-state.json')
  .option('--dry-run', 'print the plan and send nothing', false)
  .option('--json', 'print one JSON summary instead of the table and progress', false)
  .addOption(contentOption())
  .addOption(overlayOption())
  .option(
    '--config <file>',
    'altitude.config.json or .yaml, for its overlay and the locales it declares complete, which every change carries (default: the one here)',
  )
  .addOption(
    new Option('--timeout <seconds>', 'how long one attempt may take')
      .argParser(positiveInt('--timeout'))
      .default(DEFAULT_RETRY.timeoutMs / 1000),
  )
  .addOption(
    new Option('--max-attempts <n>', 'attempts per change before giving up')
      .argParser(positiveInt('--max-attempts'))
      .default(DEFAULT_RETRY.maxAttempts),
  )
  .addOption(
    new Option('--retry-base <ms>', 'first back-off in milliseconds; doubles each retry')
      .argParser(positiveInt('--retry-base'))
      .default(DEFAULT_RETRY.baseDelayMs),
  )
  .addOption(
    new Option('--max-retry-time <seconds>', 'longest time spent on one change')
      .argParser(positiveInt('--max-retry-time'))
      .default(DEFAULT_RETRY.maxTimeMs / 1000),
  )
  .action(
    async (opts: {
      url: string;
      secret?: string;
      state: string;
      dryRun: boolean;
      json: boolean;
      content?: string;
      overlay?: string[];
      config?: string;
      timeout: number;
      maxAttempts: number;
      retryBase: number;
      maxRetryTime: number;
    }) => {
      const cwd = userCwd();
      process.exitCode = await runSync({
        url: opts.url,
        secret: opts.secret ?? '',
        state: opts.state,
        dryRun: opts.dryRun,
        json: opts.json,
        ...(await contentSource(opts, cwd)),
        ...(opts.config ? { config: opts.config } : {}),
        cwd,
        retry: {
          timeoutMs: opts.timeout * 1000,
          maxAttempts: opts.maxAttempts,
          baseDelayMs: opts.retryBase,
          maxTimeMs: opts.maxRetryTime * 1000,
        },
      });
    },
  );

await program.parseAsync(process.argv);
