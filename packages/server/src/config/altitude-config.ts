import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_JOB_PROFILE,
  closest,
  formatContentError,
  objectKeys,
  parseYamlFile,
  readPlainFile,
  schemaAt,
  shapeErrors,
  type ContentError,
  type Framework,
  type JobProfileOptions,
} from '@altitude/schema';
import { z } from 'zod';

/** altitude.config.json or .yaml: how the framework maps onto an HR system. */
export const AltitudeConfig = z.strictObject({
  overlay: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
    .optional()
    .meta({
      description:
        'Overlay folder (or folders, applied in order) that makes the framework your own ladder; relative to this file. --overlay and ALTITUDE_OVERLAY take precedence.',
    }),
  locales: z
    .strictObject({
      complete: z.array(z.string().trim().min(1)).optional().meta({
        description:
          'Locales this deployment promises in full: `altitude check --strict` and `locales status --strict` fail on a missing or stale string in them.',
      }),
      fallbacks: z
        .record(z.string(), z.array(z.string().trim().min(1)))
        .optional()
        .meta({
          description:
            'Where a locale takes its missing strings from, in order, e.g. { "de-CH": ["de-AT", "de"] }; English always ends a chain.',
        }),
    })
    .optional()
    .meta({ description: 'Translations: which locales are complete, and their fallbacks.' }),
  publicUrl: z
    .url()
    .optional()
    .meta({ description: 'Where readers reach this Altitude server, e.g. https://altitude.example.com; used in exported links.' }),
  jobFamily: z.string().trim().min(1).optional().meta({ description: 'Job family of every level. Default "Engineering".' }),
  jobCodes: z
    .record(z.string(), z.string().trim().min(1))
    .optional()
    .meta({ description: 'Job code per level slug, e.g. { "staff": "ENG-510" }. Default ENG-IC-<LEVEL>.' }),
  occupationalCategory: z
    .strictObject({
      codeValue: z.string().trim().min(1),
      inCodeSet: z.string().trim().min(1).optional(),
      name: z.string().trim().min(1).optional(),
    })
    .optional()
    .meta({
      description:
        'schema.org occupational category for JSON-LD, e.g. { "codeValue": "15-1252.00", "inCodeSet": "https://www.onetonline.org/" }.',
    }),
});

export type AltitudeConfigJson = z.infer<typeof AltitudeConfig>;

export interface ResolvedConfig {
  readonly file: string | undefined;
  readonly publicUrl: string | undefined;
  readonly jobProfile: JobProfileOptions;
}

/** ALTITUDE_PUBLIC_URL without surrounding space or trailing slashes; undefined when unset or blank. */
export function envPublicUrl(): string | undefined {
  return process.env.ALTITUDE_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
}

export const DEFAULT_CONFIG: ResolvedConfig = { file: undefined, publicUrl: undefined, jobProfile: DEFAULT_JOB_PROFILE };

export const CONFIG_FILE_NAMES = ['altitude.config.json', 'altitude.config.yaml', 'altitude.config.yml'];

/** A config file is a few lines; anything near this is a mistake. */
const CONFIG_MAX_BYTES = 256 * 1024;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Reads the config named by --config, else the one in `cwd`, else defaults.
 * Every problem is reported as `file:line:column key: message`, and unknown
 * level slugs in jobCodes are checked against the framework.
 */
/** The config named by --config, else the one in `cwd`, if any. */
async function findConfig(cwd: string, explicit?: string): Promise<string | undefined> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!(await exists(file))) throw new ConfigError(`config file ${explicit} does not exist`);
    return file;
  }
  const found = [];
  for (const name of CONFIG_FILE_NAMES) if (await exists(path.join(cwd, name))) found.push(name);
  if (found.length > 1) throw new ConfigError(`found ${found.join(' and ')} in ${cwd}; keep one, or choose with --config`);
  return found[0] && path.join(cwd, found[0]);
}

/** The config file read and shape-checked, with a way to report its problems located. */
async function readConfig(file: string, cwd: string) {
  // A pipe or device named like a config file would hang the start; refused like such content files.
  const text = await readPlainFile(file, await realpath(path.dirname(file)), CONFIG_MAX_BYTES);
  if (typeof text !== 'string') throw new ConfigError(`${path.relative(cwd, file) || file}: ${text.refused}`);
  // JSON is YAML, so one parser gives line and column for both.
  const parsed = parseYamlFile(file, text);
  const fail = (errors: readonly ContentError[]): never => {
    throw new ConfigError(`invalid config:\n${errors.map((e) => `  ${formatContentError(e, cwd)}`).join('\n')}`);
  };
  if (!parsed.ok) return fail(parsed.errors);
  const { yaml } = parsed;
  const result = AltitudeConfig.safeParse(yaml.data ?? {});
  if (!result.success) return fail(shapeErrors(yaml, result.error.issues, (p) => objectKeys(schemaAt(AltitudeConfig, p))));
  return { yaml, config: result.data, fail };
}

/**
 * What a command loads its content with, from one reading of the config.
 * The overlay folders: --overlay (repeatable), else ALTITUDE_OVERLAY (folders
 * separated by the system's path delimiter, ":" here), else `overlay` in the
 * config (relative to the config file); none: upstream as published. And what
 * the config says of translations: the locales declared complete, and
 * fallback chains.
 */
export async function contentSettings(
  overlayOptions: readonly string[] | undefined,
  cwd: string,
  explicitConfig?: string,
): Promise<{ overlays: string[]; locales: { complete: string[]; fallbacks: Record<string, string[]> } }> {
  const file = await findConfig(cwd, explicitConfig);
  const config = file === undefined ? undefined : (await readConfig(file, cwd)).config;
  const locales = { complete: config?.locales?.complete ?? [], fallbacks: config?.locales?.fallbacks ?? {} };
  if (overlayOptions?.length) return { overlays: overlayOptions.map((dir) => path.resolve(cwd, dir)), locales };
  const fromEnv = process.env.ALTITUDE_OVERLAY?.split(path.delimiter).filter((dir) => dir.trim());
  if (fromEnv?.length) return { overlays: fromEnv.map((dir) => path.resolve(cwd, dir.trim())), locales };
  const listed = config?.overlay === undefined ? [] : typeof config.overlay === 'string' ? [config.overlay] : config.overlay;
  return { overlays: listed.map((dir) => path.resolve(path.dirname(file!), dir)), locales };
}

/** What the config says of translations: the locales declared complete, and fallback chains. */
export async function configuredLocales(
  cwd: string,
  explicit?: string,
): Promise<{ complete: string[]; fallbacks: Record<string, string[]> }> {
  return (await contentSettings(undefined, cwd, explicit)).locales;
}

export async function loadConfig(framework: Framework, cwd: string, explicit?: string): Promise<ResolvedConfig> {
  const file = await findConfig(cwd, explicit);
  if (!file)
    return {
      file: undefined,
      publicUrl: envPublicUrl(),
      jobProfile: DEFAULT_JOB_PROFILE,
    };
  const { yaml, config, fail } = await readConfig(file, cwd);

  const levels = framework.levels.map((l) => l.slug);
  const unknownLevels = Object.keys(config.jobCodes ?? {}).filter((slug) => !levels.includes(slug));
  if (unknownLevels.length) {
    return fail(
      unknownLevels.map((slug) => {
        const suggestion = closest(slug, levels);
        return yaml.errorAt(
          ['jobCodes', slug],
          `unknown level "${slug}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known levels: ${levels.join(', ')}`,
          'key',
        );
      }),
    );
  }
  // The first level to use a code keeps it; each later one is an error.
  const firstWith = new Map<string, string>();
  const duplicates: [slug: string, code: string, first: string][] = [];
  for (const [slug, code] of Object.entries(config.jobCodes ?? {})) {
    const first = firstWith.get(code);
    if (first === undefined) firstWith.set(code, slug);
    else duplicates.push([slug, code, first]);
  }
  if (duplicates.length) {
    return fail(
      duplicates.map(([slug, code, first]) =>
        yaml.errorAt(['jobCodes', slug], `job code "${code}" is already given to level "${first}"; HR imports need each code once`),
      ),
    );
  }
  return {
    file,
    publicUrl: config.publicUrl?.replace(/\/+$/, '') ?? envPublicUrl(),
    jobProfile: {
      jobFamily: config.jobFamily ?? DEFAULT_JOB_PROFILE.jobFamily,
      jobCodes: config.jobCodes ?? {},
      ...(config.occupationalCategory ? { occupationalCategory: config.occupationalCategory } : {}),
    },
  };
}
