import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';

afterEach(() => vi.restoreAllMocks());

describe('createLogger', () => {
  it('writes the lines of one event-loop turn to stdout in one write, in order', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const logger = createLogger();
    logger.info('one', { n: 1 });
    logger.warn('two');
    logger.error('three');
    expect(write).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
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
