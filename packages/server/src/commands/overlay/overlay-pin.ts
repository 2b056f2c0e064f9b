import { contentLoadOptions, type ContentLoadOptions } from '../../content/content-store.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatContentError, loadFramework, type Pin } from '@altitude/schema';
import writeFileAtomic from 'write-file-atomic';
import { isMap, isScalar, parseDocument } from 'yaml';

export interface PinOptions {
  readonly contentDir: string;
  readonly overlays: readonly string[];
  readonly localeFallbacks?: ContentLoadOptions['localeFallbacks'];
  readonly cwd: string;
}

/**
 * `altitude overlay pin`: records, in every amending or hiding entry, the
 * hash of the item it applies to now — after the person has reviewed the
 * entries `altitude check` warned about. Comments and layout are kept; an
 * entry without basedOn gets it right after its slug.
 */
export async function runOverlayPin(options: PinOptions, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  if (options.overlays.length === 0) {
    io.err('altitude: no overlay to pin; give --overlay DIR (or set ALTITUDE_OVERLAY, or overlay in altitude.config)\n');
    return 2;
  }
  const result = await loadFramework(options.contentDir, { ...contentLoadOptions(options), cwd: options.cwd, basedOnOptional: true });
  if (!result.ok) {
    for (const error of result.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    io.err(
      `altitude: fix these ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} first; pin records hashes for an overlay that applies\n`,
    );
    return 1;
  }
  const stale = result.pins.filter((pin) => pin.basedOn !== pin.hash);
  const byFile = new Map<string, Pin[]>();
  for (const pin of stale) byFile.set(pin.file, [...(byFile.get(pin.file) ?? []), pin]);
  for (const [file, pins] of byFile) {
    const doc = parseDocument(await readFile(file, 'utf8'));
    for (const pin of pins) setBasedOn(doc.getIn(pin.path, true), doc, pin);
    await writeFileAtomic(file, doc.toString());
    const where = path.relative(options.cwd, file) || file;
    for (const pin of pins)
      io.out(`${where}: ${pin.collection} "${pin.slug}" ${pin.basedOn ? 'basedOn updated' : 'basedOn recorded'}: ${pin.hash}\n`);
  }
  io.out(
    stale.length === 0
      ? `Every amendment is pinned to the item it applies to (${result.pins.length} entries).\n`
      : `Pinned ${stale.length} of ${result.pins.length} entries in ${byFile.size} file${byFile.size === 1 ? '' : 's'}.\n`,
  );
  return 0;
}

function setBasedOn(entry: unknown, doc: ReturnType<typeof parseDocument>, pin: Pin): void {
  if (!isMap(entry)) throw new Error(`${pin.file}: the entry for "${pin.slug}" is no longer a mapping; was the file edited meanwhile?`);
  const map = entry;
  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'basedOn');
  if (existing) {
    existing.value = doc.createNode(pin.hash);
    return;
  }
  const slugAt = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'slug');
  map.items.splice(slugAt + 1, 0, doc.createPair('basedOn', pin.hash));
}
