import type { ProviderErrorInfo } from '../../lib/providers/provider-error';

/** A provider failure in plain words for the card and popup. */
export function describeFailure(
  error: Pick<ProviderErrorInfo, 'kind' | 'message' | 'status'>,
): string {
  switch (error.kind) {
    case 'unknown-symbol':
      return 'the data provider does not know this symbol.';
    case 'rate-limited':
      return 'the data provider asked us to slow down; retrying later.';
    case 'timeout':
      return 'the data provider did not answer in time.';
    case 'network':
      return 'the data provider could not be reached (offline?).';
    case 'html':
      return 'the data provider answered with a web page instead of data.';
    case 'empty':
      return 'the data provider returned no prices.';
    case 'malformed':
      return 'the data provider sent a response we could not read; saved data was kept.';
    case 'http':
      return `the data provider answered HTTP ${error.status ?? 'error'}.`;
    default:
      return error.message;
  }
}
