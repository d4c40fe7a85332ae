import { t } from '../../lib/i18n/translate';
export interface ViewSwitchProps<V extends string> {
  /** What is switched, for screen readers ("Period of the rebased chart"). */
  label: string;
  options: readonly V[];
  value: V;
  onChange(value: V): void;
  /** Options present but without data (shown disabled, with the reason on hover). */
  unavailable?: Partial<Record<V, string>>;
}

/** A row of toggle buttons choosing one of a few views (a chart's period). */
export function ViewSwitch<V extends string>({
  label,
  options,
  value,
  onChange,
  unavailable = {},
}: ViewSwitchProps<V>) {
  return (
    <div class="view-switch" role="group" aria-label={label}>
      {options.map((option) => {
        const why = unavailable[option];
        return (
          <button
            key={option}
            type="button"
            aria-pressed={option === value}
            disabled={why !== undefined}
            title={why}
            onClick={() => onChange(option)}
          >
            {option === 'max' ? t('chart_viewMax') : option}
          </button>
        );
      })}
    </div>
  );
}
