import { DEFAULT_CONTENT_DIR, type LocaleFrameworks } from '@altitude/schema';
import { describe, expect, it } from 'vitest';
import { ContentStore } from './content-store.js';

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('ContentStore', () => {
  it('builds the translated locales between requests after a load, and leaves the pseudo-locales until asked', async () => {
    const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
    if (!opened.ok) throw new Error(opened.messages.join('\n'));
    const translations = opened.store.framework.translations as LocaleFrameworks;
    expect(translations.isBuilt('de')).toBe(false);
    await ticks(5);
    expect(['en', 'de', 'ja', 'en-XA', 'ar-XB'].map((tag) => [tag, translations.isBuilt(tag)])).toEqual([
      ['en', true],
      ['de', true],
      ['ja', true],
      ['en-XA', false],
      ['ar-XB', false],
    ]);
  });
});
