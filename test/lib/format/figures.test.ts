import { afterEach, describe, expect, it } from 'vitest';
import {
  figureLocaleNow,
  formatCount,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  setFigureLocale,
  trendClass,
} from '../../../lib/format/figures';

// The unit run's default locale is en-US (Node's, with LANG=C.UTF-8); each test leaves it so.
afterEach(() => setFigureLocale(undefined));

describe('figures', () => {
  it('writes signed percentages from fractions with a true minus sign', () => {
    expect(formatSignedPercent(0.0123)).toBe('+1.23%');
    expect(formatSignedPercent(-0.004)).toBe('−0.40%');
    expect(formatSignedPercent(-0.00001)).toBe('0.00%');
    expect(formatSignedPercent(0.5, 1)).toBe('+50.0%');
  });
  it('writes a dash, never NaN, for missing values', () => {
    for (const v of [null, undefined, Number.NaN, Infinity]) {
      expect(formatSignedPercent(v)).toBe('—');
      expect(formatPercent(v)).toBe('—');
      expect(formatNumber(v)).toBe('—');
    }
    expect(formatDate('garbage')).toBe('—');
  });
  it('writes levels and dates as readers expect', () => {
    expect(formatNumber(2663.78)).toBe('2,663.78');
    expect(formatPercent(0.2346)).toBe('23.5%');
    expect(formatDate('2026-02-20')).toBe('Feb 20, 2026');
    expect(trendClass(0.01)).toBe('up');
    expect(trendClass(-0.01)).toBe('down');
    expect(trendClass(null)).toBe('');
  });
});

describe('number format', () => {
  it('follows the pinned locale for numbers, percentages and dates', () => {
    setFigureLocale('de-DE');
    expect(formatNumber(2663.78)).toBe('2.663,78');
    expect(formatSignedPercent(0.0123)).toBe('+1,23\u00a0%');
    expect(formatSignedPercent(-0.004)).toBe('−0,40\u00a0%');
    expect(formatPercent(0.2346)).toBe('23,5\u00a0%');
    expect(formatDate('2026-02-20')).toBe('20. Feb. 2026');
    expect(formatMonth('2023-09')).toBe('Sept. 2023');
    expect(formatCount(1924)).toBe('1.924');
    setFigureLocale('fr-FR');
    expect(formatNumber(1234567.891)).toBe('1\u202f234\u202f567,89');
    expect(formatDate('2026-02-20')).toBe('20 févr. 2026');
    setFigureLocale('en-US');
    expect(formatDate('2026-02-20')).toBe('Feb 20, 2026');
    expect(formatMonth('2023-09')).toBe('Sep 2023');
    expect(formatCount(1924)).toBe('1,924');
  });

  it('goes back to the browser’s own locale, and ignores a locale it cannot use', () => {
    setFigureLocale('de-CH');
    expect(figureLocaleNow()).toBe('de-CH');
    setFigureLocale(undefined);
    expect(formatNumber(2663.78)).toBe('2,663.78');
    setFigureLocale('not a locale!');
    expect(figureLocaleNow()).toBeUndefined();
    expect(formatNumber(2663.78)).toBe('2,663.78');
  });
});
