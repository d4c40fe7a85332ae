import type { ProviderErrorInfo } from '../../lib/providers/provider-error';
import { t } from '../../lib/i18n/translate';

/** A provider failure in plain words for the card and popup. */
export function describeFailure(
  error: Pick<ProviderErrorInfo, 'kind' | 'message' | 'status'>,
): string {
  switch (error.kind) {
    case 'unknown-symbol':
      return t('bg_failUnknownSymbol');
    case 'rate-limited':
      return t('bg_failRateLimited');
    case 'timeout':
      return t('bg_failTimeout');
    case 'network':
      return t('bg_failNetwork');
    case 'html':
      return t('bg_failHtml');
    case 'empty':
      return t('bg_failEmpty');
    case 'malformed':
      return t('bg_failMalformed');
    case 'http':
      return t('bg_failHttp', error.status ?? '?');
    default:
      return error.message;
  }
}
