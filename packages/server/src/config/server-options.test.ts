import { describe, expect, it } from 'vitest';
import { readServerOptions } from './server-options.js';

describe('readServerOptions', () => {
  it('defaults: development, introspection on, any origin, 128 KiB bodies, 10 s queries, 4 MiB answers, bounded sockets', () => {
    expect(readServerOptions({})).toEqual({
      production: false,
      introspection: true,
      corsOrigins: '*',
      maxBodyBytes: 131_072,
      queryTimeoutMs: 10_000,
      maxResponseBytes: 4_194_304,
      cacheMaxBytes: 67_108_864,
      maxConnections: 1024,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      socketIdleTimeoutMs: 30_000,
    });
  });

  it('turns introspection off in production unless ALTITUDE_INTROSPECTION enables it', () => {
    expect(readServerOptions({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false });
    expect(readServerOptions({ NODE_ENV: 'production', ALTITUDE_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(readServerOptions({ ALTITUDE_INTROSPECTION: 'off' }).introspection).toBe(false);
  });

  it('reads origins, limits and timeouts', () => {
    const options = readServerOptions({
      ALTITUDE_CORS_ORIGINS: 'https://wiki.example.com, http://localhost:8080',
      ALTITUDE_MAX_BODY_BYTES: '4096',
      ALTITUDE_QUERY_TIMEOUT_MS: '250',
      ALTITUDE_MAX_RESPONSE_BYTES: '65536',
      ALTITUDE_CACHE_MAX_BYTES: '1000000',
      ALTITUDE_MAX_CONNECTIONS: '50',
      ALTITUDE_HEADERS_TIMEOUT_MS: '2000',
      ALTITUDE_REQUEST_TIMEOUT_MS: '5000',
      ALTITUDE_SOCKET_IDLE_TIMEOUT_MS: '7000',
    });
    expect(options).toMatchObject({
      corsOrigins: ['https://wiki.example.com', 'http://localhost:8080'],
      maxBodyBytes: 4096,
      queryTimeoutMs: 250,
      maxResponseBytes: 65_536,
      cacheMaxBytes: 1_000_000,
      maxConnections: 50,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
      socketIdleTimeoutMs: 7000,
    });
    expect(readServerOptions({ ALTITUDE_CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it.each([
    [{ ALTITUDE_INTROSPECTION: 'maybe' }, 'ALTITUDE_INTROSPECTION must be true or false, not "maybe"'],
    [{ ALTITUDE_MAX_BODY_BYTES: '1MB' }, 'ALTITUDE_MAX_BODY_BYTES must be a whole number greater than 0, not "1MB"'],
    [{ ALTITUDE_QUERY_TIMEOUT_MS: '0' }, 'ALTITUDE_QUERY_TIMEOUT_MS must be a whole number greater than 0, not "0"'],
    [{ ALTITUDE_CORS_ORIGINS: 'wiki.example.com' }, 'ALTITUDE_CORS_ORIGINS: "wiki.example.com" is not an origin'],
    [{ ALTITUDE_CORS_ORIGINS: 'https://wiki.example.com/path' }, 'scheme, host and port only'],
    [{ ALTITUDE_FRAME_ANCESTORS: "'self'; script-src *" }, 'ALTITUDE_FRAME_ANCESTORS must be CSP sources separated by spaces'],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readServerOptions(env)).toThrow(message);
  });
});
