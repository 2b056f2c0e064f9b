import { ConfigError } from './altitude-config.js';

/**
 * How the HTTP server guards itself, from the environment. Production means
 * NODE_ENV=production: introspection and field suggestions are then off
 * unless asked for. Every value is checked when the server starts, so a typo
 * stops it with a message instead of silently weakening a limit: a
 * ConfigError, like a bad altitude.config file, so the commands report both alike.
 */
export interface ServerOptions {
  readonly production: boolean;
  /** Whether `__schema` and `__type` may be queried (GraphiQL needs them). */
  readonly introspection: boolean;
  /** `*` for any origin, else the exact origins allowed to read responses. */
  readonly corsOrigins: '*' | readonly string[];
  /** Larger request bodies are refused with 413. */
  readonly maxBodyBytes: number;
  /** A query still executing after this long is abandoned with an error. */
  readonly queryTimeoutMs: number;
  /** A GraphQL answer larger than this is refused with RESPONSE_TOO_LARGE instead of being sent. */
  readonly maxResponseBytes: number;
  /** What the response cache may hold, keys and answers together. */
  readonly cacheMaxBytes: number;
  /** Open connections beyond this are refused at accept (node's server.maxConnections). */
  readonly maxConnections: number;
  /** A client must finish sending its request headers within this long. */
  readonly headersTimeoutMs: number;
  /** A client must finish sending its whole request within this long. */
  readonly requestTimeoutMs: number;
  /** A socket with no traffic either way (a client that stops reading its answer) is closed after this long. */
  readonly socketIdleTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

// The largest request a client needs is far smaller (a 1,000-token query, 100 IDs); a
// body this size is read and parsed on the event loop, so more would only serve an attacker.
const DEFAULT_MAX_BODY_BYTES = 128 * 1024;
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_CONNECTIONS = 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_SOCKET_IDLE_TIMEOUT_MS = 30_000;

export function readServerOptions(env: Env = process.env): ServerOptions {
  const production = env.NODE_ENV === 'production';
  checkFrameAncestors(env.ALTITUDE_FRAME_ANCESTORS);
  return {
    production,
    introspection: flag(env, 'ALTITUDE_INTROSPECTION', !production),
    corsOrigins: origins(env.ALTITUDE_CORS_ORIGINS),
    maxBodyBytes: positiveInteger(env, 'ALTITUDE_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    queryTimeoutMs: positiveInteger(env, 'ALTITUDE_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS),
    maxResponseBytes: positiveInteger(env, 'ALTITUDE_MAX_RESPONSE_BYTES', DEFAULT_MAX_RESPONSE_BYTES),
    cacheMaxBytes: positiveInteger(env, 'ALTITUDE_CACHE_MAX_BYTES', DEFAULT_CACHE_MAX_BYTES),
    maxConnections: positiveInteger(env, 'ALTITUDE_MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS),
    headersTimeoutMs: positiveInteger(env, 'ALTITUDE_HEADERS_TIMEOUT_MS', DEFAULT_HEADERS_TIMEOUT_MS),
    requestTimeoutMs: positiveInteger(env, 'ALTITUDE_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    socketIdleTimeoutMs: positiveInteger(env, 'ALTITUDE_SOCKET_IDLE_TIMEOUT_MS', DEFAULT_SOCKET_IDLE_TIMEOUT_MS),
  };
}

/** The embed pages' CSP takes ALTITUDE_FRAME_ANCESTORS as it is, so it must not be able to end or add a directive. */
function checkFrameAncestors(value: string | undefined): void {
  if (value !== undefined && /[;,\r\n]/.test(value.trim()))
    throw new ConfigError(
      `ALTITUDE_FRAME_ANCESTORS must be CSP sources separated by spaces (e.g. "'self' https://wiki.example.com"), not "${value.trim()}"`,
    );
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new ConfigError(`${name} must be a whole number greater than 0, not "${env[name]}"`);
  return Number(value);
}

function origins(value: string | undefined): '*' | readonly string[] {
  const list = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (list.length === 0 || list.includes('*')) return '*';
  return list.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`ALTITUDE_CORS_ORIGINS: "${entry}" is not an origin such as https://wiki.example.com`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, ''))
      throw new ConfigError(
        `ALTITUDE_CORS_ORIGINS: "${entry}" is not an origin such as https://wiki.example.com (scheme, host and port only)`,
      );
    return url.origin;
  });
}
