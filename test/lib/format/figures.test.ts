import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../../lib/format/figures';

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
