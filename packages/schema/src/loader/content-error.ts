import path from 'node:path';

/** One problem in the content, located precisely enough to jump to in an editor. */
export interface ContentError {
  /** Absolute path of the file. */
  readonly file: string;
  /** 1-based line and column; 1:1 when only the file is known. */
  readonly line: number;
  readonly column: number;
  /** Where in the document, e.g. `levels[2].expectations.time-horizon`; empty for the file itself. */
  readonly field: string;
  readonly message: string;
}

/**
 * `path:line:column field: message`, with the path relative to `cwd` so that
 * terminals and editors can open it.
 */
export function formatContentError(error: ContentError, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, error.file) || path.basename(error.file);
  const where = `${relative}:${error.line}:${error.column}`;
  return error.field ? `${where} ${error.field}: ${error.message}` : `${where} ${error.message}`;
}

/** Stable order: by file, then position, so repeated runs print the same list. */
export function sortContentErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/** Thrown by `loadFrameworkOrThrow`; carries every error found, not just the first. */
export class ContentValidationError extends Error {
  readonly errors: readonly ContentError[];
  constructor(errors: readonly ContentError[], cwd?: string) {
    super(
      `${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  ${formatContentError(e, cwd)}`).join('\n'),
    );
    this.name = 'ContentValidationError';
    this.errors = errors;
  }
}
