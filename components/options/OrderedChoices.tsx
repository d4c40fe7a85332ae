import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n/translate';

export interface OrderedChoice<T extends string> {
  id: T;
  label: string;
  /** Shown after the label (a symbol, a note). */
  detail?: ComponentChildren;
}

export interface OrderedChoicesProps<T extends string> {
  legend: string;
  /** Input name (tests and the e2e suite find the checkboxes by it). */
  name: string;
  choices: readonly OrderedChoice<T>[];
  /** The chosen ids, in the user's order. */
  value: readonly T[];
  onChange: (next: T[]) => void;
  /** Shown on the last chosen item's checkbox, which cannot be unchecked. */
  keepOneTitle: string;
  children?: ComponentChildren;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * A list of choices the user picks from and puts in order: chosen ones first, in order, each with
 * "up" and "down" buttons; the others after, unchecked. At least one stays chosen.
 */
export function OrderedChoices<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  keepOneTitle,
  children,
}: OrderedChoicesProps<T>) {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const chosen = value.filter((id) => byId.has(id));
  const rest = choices.filter((c) => !chosen.includes(c.id));
  const rows = [...chosen.map((id) => byId.get(id) as OrderedChoice<T>), ...rest];
  return (
    <fieldset class="ordered">
      <legend>{legend}</legend>
      <ol class="ordered-list">
        {rows.map((choice) => {
          const position = chosen.indexOf(choice.id);
          const on = position >= 0;
          const last = on && chosen.length === 1;
          return (
            <li key={choice.id} class={on ? 'on' : 'off'}>
              <label>
                <input
                  type="checkbox"
                  name={name}
                  value={choice.id}
                  checked={on}
                  disabled={last}
                  title={last ? keepOneTitle : undefined}
                  onChange={(e) =>
                    onChange(
                      e.currentTarget.checked
                        ? [...chosen, choice.id]
                        : chosen.filter((id) => id !== choice.id),
                    )
                  }
                />
                {choice.label} {choice.detail}
              </label>
              {on && chosen.length > 1 && (
                <span class="order-buttons">
                  <button
                    type="button"
                    aria-label={t('ordered_up', choice.label)}
                    disabled={position === 0}
                    onClick={() => onChange(move(chosen, position, position - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('ordered_down', choice.label)}
                    disabled={position === chosen.length - 1}
                    onClick={() => onChange(move(chosen, position, position + 1))}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {children}
    </fieldset>
  );
}
