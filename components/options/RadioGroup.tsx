import type { ComponentChildren } from 'preact';

export interface RadioGroupProps<T extends string | number> {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** What each option shows (default: the value itself). */
  label?: (value: T) => ComponentChildren;
  /** Shown after the options, inside the fieldset (help, or a field for the chosen option). */
  children?: ComponentChildren;
  /** Options side by side (short labels) instead of one per line. */
  inline?: boolean;
}

/** A fieldset of radio buttons, one per option. */
export function RadioGroup<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  label = (v) => String(v),
  children,
  inline = false,
}: RadioGroupProps<T>) {
  return (
    <fieldset class={inline ? 'inline' : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={String(option)}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {label(option)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
