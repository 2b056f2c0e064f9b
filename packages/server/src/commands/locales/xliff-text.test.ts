import { describe, expect, it } from 'vitest';
import { libraryReadsAs, withTrailingBreak } from './xliff-text.js';

describe("the xliff library's reader and final line breaks", () => {
  it('drops a final line break and the spaces after it, and nothing else', () => {
    expect(libraryReadsAs('one\n\ntwo\n')).toBe('one\n\ntwo');
    expect(libraryReadsAs('one\n  ')).toBe('one');
    expect(libraryReadsAs('one\ntwo')).toBe('one\ntwo');
  });

  it('gets the break back from the text the target translates, and adds none it did not have', () => {
    // A translation kept in a YAML `|` block ends with a line break; read back unchanged, it must compare equal.
    expect(withTrailingBreak(libraryReadsAs('eins\n\nzwei\n'), 'eins\n\nzwei\n')).toBe('eins\n\nzwei\n');
    expect(withTrailingBreak('un\n\ndeux', 'one\n\ntwo\n')).toBe('un\n\ndeux\n');
    expect(withTrailingBreak('un', 'one')).toBe('un');
    expect(withTrailingBreak('un ', 'one\n')).toBe('un ');
  });
});
