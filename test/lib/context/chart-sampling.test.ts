import { describe, expect, it } from 'vitest';
import { roundTo, sampleIndices } from '../../../lib/context/chart-sampling';

describe('sampleIndices', () => {
  it('keeps every point when there are few', () => {
    expect(sampleIndices(4, 10)).toEqual([0, 1, 2, 3]);
  });

  it('spreads points evenly, first and last kept', () => {
    expect(sampleIndices(11, 3)).toEqual([0, 5, 10]);
  });

  it('keeps the lowest point of each bucket (a drawdown keeps its trough), nulls never preferred', () => {
    const values = [0, -0.1, -0.5, -0.2, null, -0.3, -0.05, 0, -0.02, 0];
    // Buckets of the 8 inner points: [1..4], [5..8].
    expect(sampleIndices(10, 4, 'lowest', values)).toEqual([0, 2, 5, 9]);
  });

  it('keeps the highest point of each bucket (a volatility curve keeps its peaks)', () => {
    const values = [0, 0.1, 0.5, 0.2, null, 0.3, 0.05, 0, 0.02, 0];
    expect(sampleIndices(10, 4, 'highest', values)).toEqual([0, 2, 5, 9]);
  });

  it('adds marked points on top of the sample', () => {
    expect(sampleIndices(11, 3, 'even', [], [7])).toEqual([0, 5, 7, 10]);
  });
});

describe('roundTo', () => {
  it('rounds for drawing and keeps null', () => {
    expect(roundTo(117.7849, 2)).toBe(117.78);
    expect(roundTo(-0.59888, 4)).toBe(-0.5989);
    expect(roundTo(null, 2)).toBeNull();
    expect(roundTo(Number.NaN, 2)).toBeNull();
  });
});
