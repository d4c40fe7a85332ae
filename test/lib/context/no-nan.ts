/** Every number reachable in `value` (paths of the non-finite ones), to assert "never NaN". */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  }
  return [];
}

/** Paths of every object with a `value` key (a figure) that lacks `asOf` or `source`. */
export function figuresWithoutProvenance(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => figuresWithoutProvenance(v, `${path}[${i}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    'value' in record && 'asOf' in record === false
      ? [path]
      : 'value' in record &&
          record.value !== null &&
          !(typeof record.source === 'string' && record.source !== '')
        ? [path]
        : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([k, v]) => figuresWithoutProvenance(v, `${path}.${k}`)),
  ];
}
