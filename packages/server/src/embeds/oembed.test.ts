import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { oembed } from './oembed.js';

const ORIGIN = 'https://altitude.example.com';
let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

const ask = (page: string, extra: Record<string, string> = {}) =>
  oembed(new URLSearchParams({ url: `${ORIGIN}${page}`, format: 'json', ...extra }), framework, ORIGIN);

describe('oEmbed for the tools', () => {
  it('answers a rich iframe for the self-assessment, titled by its target', () => {
    const answer = ask('/embed/self-assessment?target=staff&theme=dark');
    expect(answer).toEqual({
      status: 200,
      body: {
        version: '1.0',
        type: 'rich',
        title: 'Self-assessment against Staff Engineer',
        provider_name: 'Altitude',
        provider_url: `${ORIGIN}/`,
        cache_age: 3600,
        html: `<iframe src="${ORIGIN}/embed/self-assessment?target=staff&amp;theme=dark" width="960" height="2400" title="Self-assessment against Staff Engineer" loading="lazy" style="border:0;max-width:100%"></iframe>`,
        width: 960,
        height: 2400,
      },
    });
  });

  it('answers the health check within maxwidth and maxheight, in the language asked for, its card-href kept', () => {
    const answer = ask(`/embed/role-health-check?card-href=${encodeURIComponent('https://wiki.example.com/m#{slug}')}`, {
      maxwidth: '600',
      maxheight: '900',
      lang: 'de',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      type: 'rich',
      width: 600,
      height: 900,
      title: 'Macht die Organisation bei der Rolle etwas falsch?',
    });
    const src = /src="([^"]+)"/.exec(String((answer.body as Record<string, unknown>).html))![1]!.replace(/&amp;/g, '&');
    const url = new URL(src);
    expect([url.pathname, url.searchParams.get('card-href'), url.searchParams.get('lang')]).toEqual([
      '/embed/role-health-check',
      'https://wiki.example.com/m#{slug}',
      'de',
    ]);
  });

  it('answers 404 for an unknown target and a card-href the widget would refuse', () => {
    expect(ask('/embed/self-assessment?target=fellow')).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('Unknown target level "fellow"') },
    });
    expect(ask('/embed/role-health-check?card-href=javascript:alert(1)')).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('card-href must be an http(s) or relative URL') },
    });
  });
});
