import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError } from '../graph/argument-error.js';
import type { Framework } from '../graph/types.js';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { localeColumnFrameworks, localeColumnSuffix, MAX_LOCALE_COLUMNS } from './locale-columns.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

const refusal = (list: string): ArgumentError => {
  try {
    localeColumnFrameworks(framework, list);
  } catch (error) {
    if (error instanceof ArgumentError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(list)} was accepted`);
};

describe('locale column names', () => {
  it('are language_REGION as SAP SuccessFactors writes them, a bare language taking its likely region', () => {
    expect(['de', 'ja', 'en', 'pt-BR', 'zh-Hant', 'zh-Hans', 'es-419', 'en-XA', 'ar-XB', 'de-CH-1901'].map(localeColumnSuffix)).toEqual([
      'de_DE',
      'ja_JP',
      'en_US',
      'pt_BR',
      'zh_TW',
      'zh_CN',
      'es_419',
      'en_XA',
      'ar_XB',
      'de_CH',
    ]);
  });
});

describe('localeColumnFrameworks', () => {
  it('gives the framework of each locale listed, in order, trimming spaces', () => {
    expect(localeColumnFrameworks(framework, 'ja, DE ,en').map((f) => f.view.locale)).toEqual(['ja', 'de', 'en']);
  });

  it('refuses a locale that is not served as it is: a column named fr_FR must hold French', () => {
    expect(refusal('de,fr').message).toBe(`fr is not served; served: ${[...framework.translations.keys()].join(', ')}`);
    expect(refusal('de-CH').problem).toMatchObject({ argument: 'locale-columns', value: 'de-CH' });
  });

  it('refuses a malformed tag, an empty list, and two locales that would give the same columns', () => {
    expect(refusal('de,not a tag').message).toMatch(/^"not a tag" is not a BCP 47 language tag/);
    expect(refusal(' , ').message).toMatch(/^name at least one locale/);
    expect(refusal('de,ja,de').message).toBe('de and de would both be columns ending .de_DE; name each once');
  });

  it(`refuses more than ${MAX_LOCALE_COLUMNS} locales, and a huge list before splitting it`, () => {
    const eleven = Array.from({ length: MAX_LOCALE_COLUMNS + 1 }, () => 'de').join(',');
    expect(refusal(eleven).message).toBe(`at most ${MAX_LOCALE_COLUMNS} locales; got ${MAX_LOCALE_COLUMNS + 1}`);
    const huge = 'de,'.repeat(100_000);
    expect(refusal(huge).problem).toMatchObject({ argument: 'locale-columns', value: huge.length });
    // Every locale served fits.
    expect(localeColumnFrameworks(framework, [...framework.translations.keys()].join(','))).toHaveLength(framework.translations.size);
  });
});
