// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { quietSrcdoc } from '../../../lib/page/frames';

function frame(attrs: Record<string, string>): HTMLIFrameElement {
  const el = document.createElement('iframe');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const hasCashtag = (text: string) => /\$[A-Z]{1,5}\b/.test(text);

describe('quietSrcdoc', () => {
  it('leaves alone a srcdoc frame with no mention, no script and no nested frame', () => {
    expect(quietSrcdoc(frame({ srcdoc: '<p>Ad</p>' }), hasCashtag)).toBe(true);
    expect(
      quietSrcdoc(frame({ srcdoc: '<style>p{color:red} $X</style><p>Sponsored</p>' }), hasCashtag),
    ).toBe(true);
  });

  it('enters one whose text has a mention (tags do not hide it, styles do not fake one)', () => {
    expect(quietSrcdoc(frame({ srcdoc: '<p>Shares of <b>$KTOS</b> rose</p>' }), hasCashtag)).toBe(
      false,
    );
  });

  it('enters one that may write more than its markup shows', () => {
    for (const srcdoc of [
      '<script>document.write("$KTOS")</script>',
      '<p onclick="x()">Ad</p>',
      '<iframe src="about:blank"></iframe>',
      '<template><p>$KTOS</p></template>',
      '<p>&#36;KTOS</p>',
    ]) {
      expect(quietSrcdoc(frame({ srcdoc }), hasCashtag), srcdoc).toBe(false);
    }
  });

  it('is not for frames with a src or without a srcdoc', () => {
    expect(quietSrcdoc(frame({ src: 'about:blank' }), hasCashtag)).toBe(false);
    expect(quietSrcdoc(frame({ srcdoc: '<p>Ad</p>', src: '/x.html' }), hasCashtag)).toBe(false);
    expect(quietSrcdoc(frame({}), hasCashtag)).toBe(false);
  });
});
