import { z } from 'zod';
import { FrameworkExport, LegacyFrameworkExport } from '../export/export-model.js';
import { SEMVER_PATTERN } from '../model/framework-meta.js';

/** One file under content/releases/: the framework as it was published. */
export const ReleaseFile = z
  .strictObject({
    format: z.literal('altitude.release'),
    version: z.string().regex(SEMVER_PATTERN, { message: 'must be a semantic version' }),
    publishedAt: z.iso.datetime({ offset: true }),
    contentHash: z.string(),
    upstreamVersion: z
      .string()
      .regex(SEMVER_PATTERN)
      .optional()
      .meta({ description: "For a company's release (made with overlays): the version of the upstream framework it was built on." }),
    // Releases keep the format they were published in.
    snapshot: z.union([FrameworkExport, LegacyFrameworkExport]),
  })
  .meta({ title: 'Altitude release snapshot' });

export type ReleaseFileJson = z.infer<typeof ReleaseFile>;

/** How `altitude release` names a snapshot it has written but not yet committed. */
export const PENDING_SUFFIX = '.pending';

/**
 * `<version>.json.pending`: a release written before the framework header is
 * changed to its version. It counts as the release exactly when the header
 * (`headerFile`, relative to the content folder) says that version, so
 * whichever of the two writes a crash interrupts, the version served always
 * has its snapshot. The next `altitude release` renames it to
 * `<version>.json`, or removes it when the header was never changed.
 */
/** The `format` a pending release file declares. */
export const PENDING_RELEASE_FORMAT = 'altitude.pending-release';

export const PendingReleaseFile = z.strictObject({
  format: z.literal(PENDING_RELEASE_FORMAT),
  headerFile: z.string(),
  release: ReleaseFile,
});

export type PendingReleaseFileJson = z.infer<typeof PendingReleaseFile>;

export interface Release {
  readonly version: string;
  /** For a company's release: the upstream version it was built on. */
  readonly upstreamVersion?: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly snapshot: ReleaseFileJson['snapshot'];
  readonly file: string;
}
