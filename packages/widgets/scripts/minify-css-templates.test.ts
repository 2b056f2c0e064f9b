import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css-templates.js';

describe('minifyCss', () => {
  it('drops comments and the white space CSS does not need', () => {
    expect(minifyCss('\n  /* note */\n  .a {\n    color: red;\n    margin: 0 auto;\n  }\n')).toBe('.a{color: red;margin: 0 auto}');
  });

  it('keeps quoted strings, descendant combinators and template interpolations as written', () => {
    expect(
      minifyCss(".step::before {\n  content: '→  ' / '';\n}\n.grid > li  .card { x: \"a  b\"; }\n:host([theme='dark']) { ${dark} }"),
    ).toBe(".step::before{content: '→  ' / ''}.grid > li .card{x: \"a  b\"}:host([theme='dark']){${dark}}");
  });
});
