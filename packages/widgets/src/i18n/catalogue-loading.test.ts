import { afterEach, describe, expect, it } from 'vitest';
import { altitudeUrl, cleanup, mount, settled } from '../../test/fixture.js';
import '../define.js';

// A file of its own: a page (this test file's) fetches each catalogue once,
// so what it fetched is only known from a page that fetched nothing before.

afterEach(cleanup);

/** The language catalogues this page has fetched: `de`, `pseudo`… */
const fetchedCatalogues = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/i18n\/locales\/([\w-]+)\.[jt]s\b/.exec(entry.name)?.[1])
    .filter((name): name is string => name !== undefined);

const grid = (lang: string) =>
  mount<HTMLElement>(`<de-failure-mode-grid endpoint="${altitudeUrl()}" lang="${lang}"></de-failure-mode-grid>`);

describe('the language catalogues', () => {
  it('are fetched only for the languages in use, once each', async () => {
    expect(await settled(grid('en-GB'))).toBe('load');
    // English is in the bundle: an English page fetches no catalogue.
    expect(fetchedCatalogues()).toEqual([]);

    expect(await settled(grid('de'))).toBe('load');
    expect(fetchedCatalogues()).toEqual(['de']);

    // Both pseudo-locales are one recipe, in one module.
    await Promise.all([settled(grid('ar-XB')), settled(grid('en-XA')), settled(grid('de-AT'))]);
    expect(fetchedCatalogues().sort()).toEqual(['de', 'pseudo']);
  });
});
