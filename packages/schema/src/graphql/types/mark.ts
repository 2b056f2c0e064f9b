import { builder } from '../builder.js';

export const Mark = builder.enumType('Mark', {
  description: 'Inline formatting on a span of rich text.',
  values: {
    STRONG: { value: 'strong', description: 'Strong importance, usually bold.' },
    EM: { value: 'em', description: 'Stress emphasis, usually italic.' },
    CODE: { value: 'code', description: 'Code, a command or a name, usually monospace.' },
    DEL: { value: 'del', description: 'Struck out: no longer accurate.' },
  } as const,
});
