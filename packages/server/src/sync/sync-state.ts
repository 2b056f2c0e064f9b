import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

const DeliveredRecord = z.strictObject({
  type: z.string(),
  slug: z.string(),
  /** Hash of the entity as last delivered (for a deletion: as it was before). */
  contentHash: z.string(),
  version: z.string(),
  webhookId: z.string(),
  deliveredAt: z.string(),
  deleted: z.boolean(),
  /** The canonical JSON delivered, kept so a later deletion can carry it as a tombstone. */
  entity: z.record(z.string(), z.unknown()),
  /**
   * The content hash of each translation delivered, by locale: a translation
   * that changes is sent again. Absent in files written before locales were
   * synced (the next run then sends every item once with its translations).
   */
  translations: z.record(z.string(), z.string()).optional(),
});

const SyncStateFile = z.strictObject({
  format: z.literal('altitude.sync-state'),
  formatVersion: z.literal(1),
  target: z.string(),
  /**
   * Set when the file is first created, cleared once the snapshot event that
   * ends a first sync is acknowledged: a first sync cut short still ends
   * with a snapshot when it is resumed.
   */
  snapshotDue: z.boolean().optional(),
  delivered: z.record(z.string(), DeliveredRecord),
});

export type DeliveredRecord = z.infer<typeof DeliveredRecord>;
export type SyncState = z.infer<typeof SyncStateFile>;

export class SyncStateError extends Error {
  override readonly name = 'SyncStateError';
}

/**
 * What has been delivered to `target`, from the state file; when the file
 * does not exist yet, an empty state that owes the target a snapshot. A file that records another target is
 * refused, so two HR systems never share (and corrupt) one history.
 */
export async function readSyncState(file: string, target: string): Promise<SyncState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { format: 'altitude.sync-state', formatVersion: 1, target, snapshotDue: true, delivered: {} };
    throw new SyncStateError(`cannot read the state file ${file}: ${(error as Error).message}`);
  }
  let parsed: SyncState;
  try {
    parsed = SyncStateFile.parse(JSON.parse(text));
  } catch (error) {
    throw new SyncStateError(
      `the state file ${file} is not an Altitude sync state (${error instanceof z.ZodError ? error.issues[0]?.message : (error as Error).message})`,
    );
  }
  if (parsed.target !== target) {
    throw new SyncStateError(
      `the state file ${file} records deliveries to ${parsed.target}, not ${target}; give each target its own --state file`,
    );
  }
  return parsed;
}

/** Replaces the state file in one step (write, fsync, rename): a kill never leaves half a file. */
export async function writeSyncState(file: string, state: SyncState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, { fsync: true });
}
