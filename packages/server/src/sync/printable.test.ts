import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('removes escape sequences and turns other control characters into spaces', () => {
    expect(printable('\u001b[2J\u001b[1;31mred\u001b[0m')).toBe('red');
    expect(printable('\u001b]0;new title\u0007after')).toBe('after');
    expect(printable('\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(printable('done\rFAILED\u0008\u0007')).toBe('done FAILED ');
    expect(printable('a\nb\tc')).toBe('a b c');
    expect(printable('\u202edesrever')).toBe(' desrever');
    expect(printable('plain text, ünïcödé — kept')).toBe('plain text, ünïcödé — kept');
  });
});
