/** One JSON object per line on stdout: easy to grep, easy to ship to a log store. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /**
   * A line whose fields are already JSON object members (`"status":200,"path":"/"`),
   * for a caller on the hot path (the request log) that lays them out itself.
   */
  logMembers(level: LogLevel, msg: string, members: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const write = options.write ?? batchedStdout();
  // Built by hand rather than by stringifying a merged copy: the request log
  // writes one line per request, so this is on the hot path. A field named
  // like a leading key comes later in the line, and JSON readers keep the last.
  const logMembers = (level: LogLevel, msg: string, members: string) => {
    if (ORDER[level] < threshold) return;
    write(`{"time":"${isoNow()}","level":"${level}","msg":${JSON.stringify(msg)}${members.length > 0 ? `,${members}` : ''}}\n`);
  };
  const log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold) return;
    const rest = fields === undefined ? '{}' : JSON.stringify(fields);
    logMembers(level, msg, rest.slice(1, -1));
  };
  return {
    log,
    logMembers,
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

let lastMs = NaN;
let lastIso = '';

/** The time as ISO 8601; formatted once per millisecond, however many lines share it. */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export function parseLogLevel(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}

/** How long a line may wait for others to share its write, and how much may wait. */
const BATCH_MS = 20;
const BATCH_BYTES = 64 * 1024;

/**
 * Lines logged within BATCH_MS leave in one write: under load that is one
 * system call per few hundred requests instead of one per request or per turn
 * of the event loop. A batch reaching BATCH_BYTES leaves at once, so a flood
 * holds little. The batch is flushed before the process exits (stdout to a
 * file or pipe is synchronous on Linux, so nothing is lost on a normal exit or
 * an uncaught exception; a SIGKILL loses at most BATCH_MS of lines).
 */
function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    bytes = 0;
    process.stdout.write(text);
  };
  process.on('exit', flush);
  return (line) => {
    pending.push(line);
    bytes += line.length;
    if (bytes >= BATCH_BYTES) flush();
    // Unref'd: a process with nothing else to do exits, flushing on the way out.
    else timer ??= setTimeout(flush, BATCH_MS).unref();
  };
}
