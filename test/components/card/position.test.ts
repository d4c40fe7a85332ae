import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../components/card/position';

const viewport = { width: 1000, height: 800 };
const size = { width: 360, height: 300 };

describe('placeCard', () => {
  it('puts the card below the mention when it fits', () => {
    expect(placeCard({ left: 100, top: 100, right: 140, bottom: 120 }, size, viewport)).toEqual({
      left: 100,
      top: 126,
      placement: 'below',
    });
  });
  it('flips above when there is no room below', () => {
    const p = placeCard({ left: 100, top: 600, right: 140, bottom: 620 }, size, viewport);
    expect(p).toEqual({ left: 100, top: 294, placement: 'above' });
  });
  it('keeps the card inside the viewport horizontally', () => {
    expect(placeCard({ left: 900, top: 10, right: 950, bottom: 30 }, size, viewport).left).toBe(
      632,
    );
    expect(placeCard({ left: -50, top: 10, right: 0, bottom: 30 }, size, viewport).left).toBe(8);
  });
  it('clamps inside a viewport shorter than the card', () => {
    const p = placeCard({ left: 10, top: 100, right: 50, bottom: 120 }, size, {
      width: 400,
      height: 250,
    });
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
});
