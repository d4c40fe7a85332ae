import { benchmarkInfo } from '../../lib/context/benchmarks';
import type { CardPayload } from '../../lib/messaging/protocol';
import { IndexComparison } from '../dashboard/IndexComparison';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import { SymbolCard } from './SymbolCard';

/** The card's content for a loaded payload. */
export function CardBody({ payload }: { payload: CardPayload }) {
  if (payload.kind === 'unavailable') {
    return (
      <div class="state">
        <h2 class="symbol">{payload.symbol}</h2>
        <p class="muted">{payload.reason}</p>
      </div>
    );
  }
  if (payload.kind === 'symbol') {
    return (
      <SymbolCard
        context={payload.context}
        status={payload.status}
        instrument={payload.instrument}
      />
    );
  }
  const c = payload.context;
  const notices = [...c.notes, ...payload.status.notices];
  return (
    <div class="index-card">
      <div class="head">
        <h2 class="symbol">{benchmarkInfo(payload.symbol).name}</h2>
        <span class="name">{payload.symbol} · indexes side by side</span>
      </div>
      {c.asOf && <AsOfLine asOf={c.asOf} status={payload.status} />}
      <IndexComparison context={c} chartHeight={110} />
      {notices.length > 0 && (
        <ul class="notices">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine sources={c.chart.source.split('; ')} />
    </div>
  );
}
