import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';

afterEach(() => vi.restoreAllMocks());

describe('createLogger', () => {
  it('writes the lines of a short spell to stdout in one write, in order, across turns of the event loop', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const logger = createLogger();
    logger.info('one', { n: 1 });
    logger.warn('two');
    await new Promise((resolve) => setImmediate(resolve));
    logger.error('three');
    expect(write).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(write).toHaveBeenCalled());
    expect(write).toHaveBeenCalledTimes(1);
    const lines = String(write.mock.calls[0]![0])
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['info', 'one'],
      ['warn', 'two'],
      ['error', 'three'],
    ]);
    expect(lines[0]).toMatchObject({ n: 1, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('writes at once when 64 KiB are waiting, so a flood of lines holds little', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const logger = createLogger();
    const long = 'x'.repeat(1000);
    for (let i = 0; i < 64; i++) logger.info(long);
    // Written without waiting, as soon as the waiting lines reached 64 KiB: the last of them took it over.
    expect(write).toHaveBeenCalledTimes(1);
    const written = String(write.mock.calls[0]![0]);
    const line = written.indexOf('\n') + 1;
    expect(written.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(written.length - line).toBeLessThan(64 * 1024);
    // The lines after it wait for the next batch, and are not lost.
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(`${written}${String(write.mock.calls[1]![0])}`.trimEnd().split('\n')).toHaveLength(64);
  });

  it('takes fields already laid out as JSON members, as the request log does', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.logMembers('info', 'request', `"path":${JSON.stringify('/a"b')},"status":200`);
    logger.logMembers('warn', 'bare', '');
    expect(JSON.parse(lines[0]!)).toEqual({ time: expect.any(String), level: 'info', msg: 'request', path: '/a"b', status: 200 });
    expect(JSON.parse(lines[1]!)).toEqual({ time: expect.any(String), level: 'warn', msg: 'bare' });
  });

  it('leaves out lines below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    logger.info('quiet');
    logger.error('loud');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['loud']);
  });

  it('writes each line as one JSON object, whatever the message holds', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.info('say "hi"\nthen go', { path: '/a"b', n: undefined });
    logger.warn('bare');
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      level: 'info',
      msg: 'say "hi"\nthen go',
      path: '/a"b',
    });
    expect(JSON.parse(lines[1]!)).toEqual({ time: expect.any(String), level: 'warn', msg: 'bare' });
  });
});
