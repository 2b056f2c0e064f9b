import { contentLoadOptions, type ContentLoadOptions } from '../../content/content-store.js';
import { formatContentError, loadFramework } from '@altitude/schema';
import { formatOverlayDiff, overlayDiff } from '../../overlays/overlay-diff.js';

/** `altitude overlay diff`: what the overlays change against upstream, as a table or JSON. */
export async function runOverlayDiff(
  options: {
    readonly contentDir: string;
    readonly overlays: readonly string[];
    readonly cwd: string;
    readonly json: boolean;
  } & ContentLoadOptions,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  if (options.overlays.length === 0) {
    io.err('altitude: no overlay to compare; give --overlay DIR (or set ALTITUDE_OVERLAY, or overlay in altitude.config)\n');
    return 2;
  }
  const result = await loadFramework(options.contentDir, { ...contentLoadOptions(options), cwd: options.cwd });
  if (!result.ok) {
    for (const error of result.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    return 1;
  }
  const diff = overlayDiff(result.framework);
  io.out(options.json ? `${JSON.stringify(diff, null, 2)}\n` : formatOverlayDiff(diff));
  return 0;
}
