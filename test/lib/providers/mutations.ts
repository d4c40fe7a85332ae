/**
 * Mutations of real provider answers for the property tests: fast-check arbitraries that describe
 * a change (a path walked into a JSON body, a cell of a CSV, a cut of the text) and the pure
 * functions that apply it, so a failing case shrinks to the smallest change that breaks a parser.
 */
import * as fc from 'fast-check';

/** Values a broken or hostile provider could send where a number, string or object should be. */
export const HOSTILE_VALUES: readonly unknown[] = [
  0,
  -0,
  -1,
  -2.5,
  1e20,
  -1e13,
  1e300,
  -1e300,
  Infinity, // what JSON.parse makes of 1e999
  -Infinity,
  NaN,
  5e-324,
  2 ** 53 + 1,
  1.5,
  86_400 * 365 * 1000, // a gmtoffset of a thousand years
  '',
  'abc',
  '1e999',
  '-1e13',
  '2020-02-30',
  '99999-01-01',
  null,
  [],
  {},
  true,
];

/** Factors a numeric leaf is multiplied by (decimal shifts, pence for pounds, sign flips, 1e300). */
export const FACTORS: readonly number[] = [0, -1, 10, 100, 1000, 1e-3, 1e300, 1e-300];

/** One change to a JSON tree. */
export type JsonMutation =
  | { kind: 'set'; walk: number[]; value: unknown }
  | { kind: 'scale'; walk: number[]; factor: number }
  | { kind: 'delete'; walk: number[] }
  | { kind: 'duplicate'; walk: number[] }
  | { kind: 'swap'; walk: number[]; other: number };

const walk = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

/** Arbitrary JSON mutations: 1 to 5 per case. */
export const jsonMutations: fc.Arbitrary<JsonMutation[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      walk,
      value: fc.constantFrom(...HOSTILE_VALUES),
    }),
    fc.record({
      kind: fc.constant('scale' as const),
      walk,
      factor: fc.constantFrom(...FACTORS),
    }),
    fc.record({ kind: fc.constant('delete' as const), walk }),
    fc.record({ kind: fc.constant('duplicate' as const), walk }),
    fc.record({ kind: fc.constant('swap' as const), walk, other: fc.nat() }),
  ),
  { minLength: 1, maxLength: 5 },
);

type Container = Record<string, unknown> | unknown[];

function isContainer(x: unknown): x is Container {
  return typeof x === 'object' && x !== null;
}

function keysOf(c: Container): (string | number)[] {
  return Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
}

/**
 * Follows `steps` from `root` (each step picks a child modulo the number of children) as deep as
 * it can, preferring to go on while a step is left; returns the container and key of the leaf or
 * subtree reached, or `null` when `root` has no children.
 */
function locate(
  root: unknown,
  steps: readonly number[],
): { parent: Container; key: string | number } | null {
  let node = root;
  let found: { parent: Container; key: string | number } | null = null;
  for (const step of steps) {
    if (!isContainer(node)) break;
    const keys = keysOf(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length] as string | number;
    found = { parent: node, key };
    node = (node as Record<string | number, unknown>)[key];
  }
  // Keep walking down the first children, so a short walk still reaches numbers.
  while (found && isContainer(node) && keysOf(node).length > 0) {
    const key = keysOf(node)[0] as string | number;
    found = { parent: node, key };
    node = (node as Record<string | number, unknown>)[key];
  }
  return found;
}

function get(c: Container, key: string | number): unknown {
  return (c as Record<string | number, unknown>)[key];
}

function put(c: Container, key: string | number, value: unknown): void {
  (c as Record<string | number, unknown>)[key] = value;
}

/** Applies `mutations` to a deep copy of `body`. */
export function mutateJson(body: unknown, mutations: readonly JsonMutation[]): unknown {
  const root = structuredClone(body);
  for (const m of mutations) {
    const at = locate(root, m.walk);
    if (!at) continue;
    const { parent, key } = at;
    const current = get(parent, key);
    switch (m.kind) {
      case 'set':
        put(parent, key, structuredClone(m.value));
        break;
      case 'scale':
        if (typeof current === 'number') put(parent, key, current * m.factor);
        else if (
          typeof current === 'string' &&
          current.trim() !== '' &&
          !Number.isNaN(Number(current))
        ) {
          put(parent, key, String(Number(current) * m.factor));
        }
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
        break;
      case 'swap':
        if (Array.isArray(parent) && parent.length > 1) {
          const other = m.other % parent.length;
          const tmp = parent[other];
          parent[other] = current;
          put(parent, key, tmp);
        }
        break;
    }
  }
  return root;
}

/** Tokens a CSV cell may be replaced by. */
export const HOSTILE_CELLS: readonly string[] = [
  '',
  'N/D',
  'null',
  '-1',
  '0',
  '-0',
  '1e999',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e300',
  '1e-300',
  'abc',
  '2020-02-30',
  '99999999',
  '20261340',
  '<html>',
  '"1,5"',
];

/** One change to a CSV body. */
export type CsvMutation =
  | { kind: 'cell'; line: number; cell: number; value: string }
  | { kind: 'scale'; line: number; cell: number; factor: number }
  | { kind: 'drop-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'insert'; line: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'newlines'; crlf: boolean };

/** Arbitrary CSV mutations: 1 to 5 per case. */
export const csvMutations: fc.Arbitrary<CsvMutation[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('cell' as const),
      line: fc.nat(),
      cell: fc.nat(),
      value: fc.constantFrom(...HOSTILE_CELLS),
    }),
    fc.record({
      kind: fc.constant('scale' as const),
      line: fc.nat(),
      cell: fc.nat(),
      factor: fc.constantFrom(...FACTORS),
    }),
    fc.record({ kind: fc.constant('drop-line' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      line: fc.nat(),
      text: fc.oneof(
        fc.constantFrom('No data', '<!DOCTYPE html><html>', ',,,,', 'Date,Open,High,Low,Close'),
        fc.string({ maxLength: 40 }),
      ),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('newlines' as const), crlf: fc.boolean() }),
  ),
  { minLength: 1, maxLength: 5 },
);

/** Applies `mutations` to a CSV text. */
export function mutateCsv(text: string, mutations: readonly CsvMutation[]): string {
  let lines = text.split(/\r?\n/);
  let eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const m of mutations) {
    const n = lines.length;
    if (n === 0) break;
    switch (m.kind) {
      case 'cell':
      case 'scale': {
        const i = m.line % n;
        const cells = (lines[i] as string).split(',');
        const j = m.cell % cells.length;
        if (m.kind === 'cell') cells[j] = m.value;
        else {
          const x = Number(cells[j]);
          if (cells[j]?.trim() !== '' && !Number.isNaN(x)) cells[j] = String(x * m.factor);
        }
        lines[i] = cells.join(',');
        break;
      }
      case 'drop-line':
        lines.splice(m.line % n, 1);
        break;
      case 'duplicate-line':
        lines.splice(m.line % n, 0, lines[m.line % n] as string);
        break;
      case 'swap-lines': {
        const a = m.line % n;
        const b = m.other % n;
        [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
        break;
      }
      case 'insert':
        lines.splice(m.line % (n + 1), 0, m.text);
        break;
      case 'truncate': {
        const joined = lines.join(eol);
        lines = joined.slice(0, m.at % (joined.length + 1)).split(/\r?\n/);
        break;
      }
      case 'newlines':
        eol = m.crlf ? '\r\n' : '\n';
        break;
    }
  }
  return lines.join(eol);
}

/** One change to a text body (JSON): cut it, put a hostile token somewhere, or wrap it. */
export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-number'; nth: number; token: string }
  | { kind: 'insert'; at: number; text: string };

/** Arbitrary text mutations: 1 to 3 per case. */
export const textMutations: fc.Arbitrary<TextMutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('replace-number' as const),
      nth: fc.nat(),
      token: fc.constantFrom('1e999', '-1e999', '1e20', '-1e13', '0', '-5', '1e300', '"x"', 'null'),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom('<html>', '\u0000', ',', '}', '"', '\uFEFF', ' '),
    }),
  ),
  { minLength: 1, maxLength: 3 },
);

const NUMBER_TOKEN = /-?\d+(\.\d+)?([eE][+-]?\d+)?/g;

/** Applies `mutations` to a text. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'truncate') out = out.slice(0, m.at % (out.length + 1));
    else if (m.kind === 'insert') {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.text + out.slice(at);
    } else {
      const matches = [...out.matchAll(NUMBER_TOKEN)];
      if (matches.length === 0) continue;
      const hit = matches[m.nth % matches.length] as RegExpMatchArray;
      const at = hit.index as number;
      out = out.slice(0, at) + m.token + out.slice(at + hit[0].length);
    }
  }
  return out;
}
