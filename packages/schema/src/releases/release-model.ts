import { z } from 'zod';
import { FrameworkExport } from '../export/export-model.js';
import { SEMVER_PATTERN } from '../model/framework-meta.js';

/** One file under content/releases/: the framework as it was published. */
export const ReleaseFile = z
  .strictObject({
    format: z.literal('altitude.release'),
    version: z.string().regex(SEMVER_PATTERN, { message: 'must be a semantic version' }),
    publishedAt: z.iso.datetime({ offset: true }),
    contentHash: z.string(),
    snapshot: FrameworkExport,
  })
  .meta({ title: 'Altitude release snapshot' });

export type ReleaseFileJson = z.infer<typeof ReleaseFile>;

export interface Release {
  readonly version: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly snapshot: ReleaseFileJson['snapshot'];
  readonly file: string;
}
