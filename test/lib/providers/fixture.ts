import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProviderError } from '../../../lib/providers/provider-error';

const ROOT = fileURLToPath(new URL('../../fixtures/providers/', import.meta.url));

/** Text of a provider fixture file, path relative to test/fixtures/providers. */
export function fixtureText(relative: string): string {
  return readFileSync(ROOT + relative, 'utf8');
}

/** The response body of a Yahoo chart fixture: the recorded `response.bodyJson`, or a bare body. */
export function yahooBody(name: string): unknown {
  const json = JSON.parse(fixtureText(`yahoo-chart/${name}`)) as {
    response?: { bodyJson?: unknown };
  };
  return json.response?.bodyJson ?? json;
}

/** The `ProviderError` kind `fn` throws, or `no error`; anything else thrown is rethrown. */
export function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProviderError) return error.kind;
    throw error;
  }
  return 'no error';
}
