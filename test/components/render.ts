/**
 * Rendering Preact components into the test DOM (happy-dom) and acting on them as a user would,
 * for component tests. Every action waits for the effects and promises it starts to settle.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Lets pending promises, timers of 0 ms and Preact's effects run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export interface Rendered {
  root: HTMLElement;
  text(): string;
  /** The first element matching `selector`; throws when there is none. */
  find<T extends Element = HTMLElement>(selector: string): T;
  findAll<T extends Element = HTMLElement>(selector: string): T[];
  /** The button whose accessible text (content or aria-label) is `name`. */
  button(name: string | RegExp): HTMLButtonElement;
  click(target: Element | string): Promise<void>;
  /** Checks or unchecks a checkbox (or chooses a radio) and fires `change`. */
  check(selector: string, checked?: boolean): Promise<void>;
  /** Types `value` into an input (fires `input`). */
  type(selector: string, value: string): Promise<void>;
  /** Chooses `value` in a select (fires `change`). */
  choose(selector: string, value: string): Promise<void>;
  submit(selector: string): Promise<void>;
  unmount(): void;
}

/** Renders `node` into a fresh container in `document.body`. */
export async function mount(node: ComponentChild): Promise<Rendered> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(node, root);
  });
  await settle();
  const find = <T extends Element = HTMLElement>(selector: string): T => {
    const el = root.querySelector<T>(selector);
    if (!el) throw new Error(`nothing matches ${selector} in: ${root.textContent}`);
    return el;
  };
  const button = (name: string | RegExp) => {
    const all = [...root.querySelectorAll('button')];
    const found = all.find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
      return typeof name === 'string' ? label === name : name.test(label);
    });
    if (!found)
      throw new Error(
        `no button ${String(name)} among ${all.map((b) => b.textContent).join(' | ')}`,
      );
    return found;
  };
  const fire = async (el: Element, type: string) => {
    await act(() => {
      el.dispatchEvent(new Event(type, { bubbles: true }));
    });
    await settle();
  };
  return {
    root,
    text: () => root.textContent ?? '',
    find,
    findAll: <T extends Element = HTMLElement>(selector: string) => [
      ...root.querySelectorAll<T>(selector),
    ],
    button,
    async click(target) {
      const el = typeof target === 'string' ? find(target) : target;
      await act(() => {
        (el as HTMLElement).click();
      });
      await settle();
    },
    async check(selector, checked = true) {
      const input = find<HTMLInputElement>(selector);
      input.checked = checked;
      await fire(input, 'change');
    },
    async type(selector, value) {
      const input = find<HTMLInputElement>(selector);
      input.value = value;
      await fire(input, 'input');
    },
    async choose(selector, value) {
      const select = find<HTMLSelectElement>(selector);
      select.value = value;
      await fire(select, 'change');
    },
    async submit(selector) {
      await fire(find(selector), 'submit');
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}
