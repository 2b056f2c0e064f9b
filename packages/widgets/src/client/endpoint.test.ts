import { afterEach, describe, expect, it } from 'vitest';
import { resolveEndpoint } from './endpoint.js';

afterEach(() => document.querySelectorAll('meta[name="altitude-endpoint"]').forEach((m) => m.remove()));

describe('resolveEndpoint', () => {
  it('uses the endpoint attribute first, resolved against the page', () => {
    expect(resolveEndpoint('https://api.example/graphql', 'https://cdn.example/widgets.js')).toBe('https://api.example/graphql');
    expect(resolveEndpoint('/custom/graphql', 'https://cdn.example/widgets.js')).toBe(new URL('/custom/graphql', document.baseURI).href);
  });

  it('then <meta name="altitude-endpoint">', () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'altitude-endpoint', content: 'https://meta.example/graphql' });
    document.head.append(meta);
    expect(resolveEndpoint(undefined, 'https://cdn.example/widgets.js')).toBe('https://meta.example/graphql');
  });

  it('then /graphql on the origin that served the script', () => {
    expect(resolveEndpoint(undefined, 'https://altitude.example.com/widgets.js')).toBe('https://altitude.example.com/graphql');
    expect(resolveEndpoint('', 'http://127.0.0.1:4000/widgets.js')).toBe('http://127.0.0.1:4000/graphql');
  });
});
