import { describe, expect, it } from 'vitest';
import { canonicalVariables, isStaticEndpoint, operationUrl, staticOperationPath } from './operation-url.js';

const id = 'f003c047395853af47005dc1d9d88034cef6ec59efb22d76e0116eb7ce9a2e87';

describe('operationUrl', () => {
  it('asks a server with GET ?id=…&variables=… in one canonical form', () => {
    const a = operationUrl('https://api.example/graphql', id, { slugs: ['staff', 'principal'], dimensions: null });
    const b = operationUrl('https://api.example/graphql', id, { dimensions: null, slugs: ['staff', 'principal'] });
    expect(a).toBe(`https://api.example/graphql?id=${id}&variables=${encodeURIComponent('{"slugs":["staff","principal"]}')}`);
    expect(b).toBe(a);
  });

  it('leaves out empty variables and keeps an endpoint’s own query string', () => {
    expect(operationUrl('https://api.example/graphql', id, {})).toBe(`https://api.example/graphql?id=${id}`);
    expect(operationUrl('https://api.example/graphql?tenant=a', id, { slug: 'staff' })).toBe(
      `https://api.example/graphql?tenant=a&id=${id}&variables=${encodeURIComponent('{"slug":"staff"}')}`,
    );
  });

  it('asks a static origin (an endpoint ending in /) for a file named by the variables', () => {
    expect(isStaticEndpoint('https://cdn.example/altitude/graphql/')).toBe(true);
    expect(isStaticEndpoint('https://cdn.example/altitude/graphql')).toBe(false);
    expect(operationUrl('https://cdn.example/altitude/graphql/', id, { slugs: ['staff', 'principal'], dimensions: null })).toBe(
      `https://cdn.example/altitude/graphql/${id}/slugs=staff,principal.json`,
    );
    expect(staticOperationPath(id, {})).toBe(`${id}/_.json`);
    expect(staticOperationPath(id, { slug: 'super-coder' })).toBe(`${id}/slug=super-coder.json`);
  });

  it('cannot be steered to another path by a hostile value', () => {
    const url = new URL(operationUrl('https://cdn.example/a/graphql/', id, { slug: '../../../etc/passwd?x=1#y' }));
    expect(url.origin).toBe('https://cdn.example');
    expect(url.pathname).toBe(`/a/graphql/${id}/slug=..%2F..%2F..%2Fetc%2Fpasswd%3Fx%3D1%23y.json`);
    expect(url.search + url.hash).toBe('');
  });

  it('drops nulls at any depth and sorts keys', () => {
    expect(canonicalVariables({ b: 1, a: { d: null, c: [1, null] } })).toBe('{"a":{"c":[1,null]},"b":1}');
    expect(canonicalVariables(undefined)).toBe('{}');
  });
});
