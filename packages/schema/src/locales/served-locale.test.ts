import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError } from '../graph/argument-error.js';
import type { Framework } from '../graph/types.js';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { frameworkInLocale } from './served-locale.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

describe('frameworkInLocale: the framework a tag gets', () => {
  it('serves a locale that is served as itself, whatever the case of the tag', () => {
    for (const [asked, served] of <[string, string][]>[
      ['de', 'de'],
      ['DE', 'de'],
      ['ja', 'ja'],
      ['en', 'en'],
      ['en-xa', 'en-XA'],
    ])
      expect(frameworkInLocale(framework, asked).view.locale, asked).toBe(served);
    expect(frameworkInLocale(framework, 'de')).toBe(framework.translations.get('de'));
    expect(frameworkInLocale(framework, 'de').levels[0]!.summary.text).not.toBe(framework.levels[0]!.summary.text);
  });

  it('falls back along the chain for a well-formed tag not served', () => {
    expect(frameworkInLocale(framework, 'de-CH').view.locale).toBe('de');
    expect(frameworkInLocale(framework, 'ja-JP-u-ca-japanese').view.locale).toBe('ja');
    expect(frameworkInLocale(framework, 'fr-CA').view.locale).toBe('en');
  });

  it('refuses a malformed tag with an ArgumentError naming `locale` and the locales served', () => {
    for (const bad of ['', 'not a tag', 'a'.repeat(40), '12']) {
      let caught: unknown;
      try {
        frameworkInLocale(framework, bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(bad)).toBeInstanceOf(ArgumentError);
      expect((caught as ArgumentError).problem).toMatchObject({ argument: 'locale', validValues: [...framework.translations.keys()] });
    }
  });
});
