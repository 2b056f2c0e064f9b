import { afterEach, describe, expect, it } from 'vitest';
import '../src/define.js';
import { altitudeUrl, axeViolations, cleanup, mount, settled } from './fixture.js';

afterEach(cleanup);

// The accessibility tests pass only if axe can fail: these fixtures are broken on purpose.
describe('the axe check can fail', () => {
  it('flags a widget whose theme override breaks contrast', async () => {
    const element = mount(
      `<de-level-compare endpoint="${altitudeUrl()}" levels="staff principal" theme="light" style="--de-color-text: #c8c8c8; --de-color-muted: #d0d0d0"></de-level-compare>`,
    );
    await settled(element);
    const violations = await axeViolations(element);
    expect(violations.some((v) => v.startsWith('color-contrast:'))).toBe(true);
  });

  it('flags plain broken markup', async () => {
    const broken = mount('<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button><a href="#"></a></div>');
    const ids = (await axeViolations(broken)).map((v) => v.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'link-name']));
  });
});
