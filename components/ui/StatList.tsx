export interface Stat {
  label: string;
  value: string;
  /** Small text after the value (e.g. "vs 24.1% for the Russell 2000"). */
  note?: string;
  /** Hover text: definition or why the value is missing. */
  title?: string;
  className?: string;
}

/** A compact definition list of labelled figures. */
export function StatList({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <dl class="stats" aria-label={label}>
      {stats.map((s) => (
        <div class="stat" key={s.label} title={s.title}>
          <dt>{s.label}</dt>
          <dd class={s.className}>
            {s.value}
            {s.note && <span class="note"> {s.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
