import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFramework, formatContentError } from '@altitude/schema';

/**
 * Where editors find the overlay JSON Schema, relative to the overlay: the
 * project's own node_modules/@altitude/schema when it depends on it (stable
 * across upgrades), else wherever this CLI's @altitude/schema is.
 */
async function overlaySchemaFor(dir: string, cwd: string): Promise<string | undefined> {
  const inProject = path.join(cwd, 'node_modules', '@altitude', 'schema', 'overlay.schema.json');
  const found = (await access(inProject).then(
    () => true,
    () => false,
  ))
    ? inProject
    : fileURLToPath(import.meta.resolve('@altitude/schema/overlay.schema.json'));
  return path.relative(dir, found).split(path.sep).join('/');
}

/** A folder name as an overlay name: kebab-case ASCII, or `company` when nothing is left. */
export function overlayName(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'company';
}

/**
 * `altitude overlay init DIR`: a commented starter overlay — its header,
 * and one example of each kind of entry, written against the upstream
 * framework installed (the hashes in it are real) and commented out, so the
 * starter applies cleanly and changes nothing until you edit it.
 */
export async function runOverlayInit(
  options: { readonly dir: string; readonly contentDir: string; readonly cwd: string },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const dir = path.resolve(options.cwd, options.dir);
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) {
    io.err(`altitude: ${options.dir} is not empty; overlay init writes a new overlay into an empty or new folder\n`);
    return 2;
  }
  const loaded = await loadFramework(options.contentDir, { cwd: options.cwd });
  if (!loaded.ok) {
    for (const error of loaded.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    return 1;
  }
  const upstream = loaded.framework;
  const staff = upstream.levels[0]!;
  const tension = upstream.tensions.at(-1)!;
  const name = overlayName(dir);
  const files: Record<string, string> = {
    'overlay.yaml': `# Your company's ladder on top of the Altitude framework (upstream ${upstream.version}).
# Every other .yaml file in this folder amends, adds or hides upstream items:
# see docs/overlays.md in Altitude (the format, the merge rules, upgrades).
overlay:
  # Names your view of the framework (global IDs carry it); kebab-case.
  name: ${name}
  # The framework's title and summary as you serve them (optional).
  # title: Our Engineering Ladder
  # summary: How we grow senior engineers.
`,
    'levels.yaml': `# Levels: amend an upstream level by its slug (only the fields you give change;
# expectations merge dimension by dimension), add one with a new slug (a whole
# level, with an expectation on every dimension), or hide one (hidden: true).
levels:
  # Amend: basedOn is the hash of the upstream level you read (altitude check
  # prints it, altitude overlay pin records it after a review).
  # - slug: ${staff.slug}
  #   basedOn: ${staff.contentHash}
  #   title: ${staff.title} (L6)
  #   expectations:
  #     ${staff.expectations[2]?.dimension.slug ?? staff.expectations[0]!.dimension.slug}:
  #       headline: Our own headline for this cell
  []
`,
    'tensions.yaml': `# Tensions: hide one that does not apply to your company. Anything that refers
# to a hidden item must be hidden or amended too; altitude check names each.
tensions:
  # - slug: ${tension.slug}
  #   hidden: true
  []
`,
    'sources.yaml': `# Your own sources (an internal handbook), to cite from the items you add or
# amend: sources: [{ source: our-handbook, section: Levels }].
sources:
  # - slug: our-handbook
  #   title: Engineering Handbook
  #   publisher: Our company
  #   summary: How we define our levels.
  #   sections: [Introduction, Levels]
  []
`,
  };
  await mkdir(dir, { recursive: true });
  const schema = await overlaySchemaFor(dir, options.cwd);
  const modeline = schema ? `# yaml-language-server: $schema=${schema}\n` : '';
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), modeline + text, { flag: 'wx' });
  const rel = path.relative(options.cwd, dir) || '.';
  io.out(
    `Wrote a starter overlay "${name}" to ${rel}/ (${Object.keys(files).join(', ')}), on upstream ${upstream.version}.\n` +
      `Next: edit it, then \`altitude check --overlay ${rel}\` and \`altitude serve --overlay ${rel}\`.\n`,
  );
  return 0;
}
