import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
