import type { AnchorRect } from './card-api';

export interface Viewport {
  width: number;
  height: number;
}

/** Gap between the mention and the card, px. */
const GAP = 6;
/** Minimum distance from the viewport edges, px. */
const MARGIN = 8;

/**
 * Where to put a card of `size` for a mention at `anchor` (viewport coordinates): below the
 * mention when it fits, otherwise above, otherwise wherever there is more room; always inside
 * the viewport horizontally.
 */
export function placeCard(
  anchor: AnchorRect,
  size: { width: number; height: number },
  viewport: Viewport,
): { left: number; top: number; placement: 'below' | 'above' } {
  const maxLeft = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  if (below + size.height <= viewport.height - MARGIN)
    return { left, top: below, placement: 'below' };
  if (above >= MARGIN) return { left, top: above, placement: 'above' };
  const roomBelow = viewport.height - anchor.bottom;
  return roomBelow >= anchor.top
    ? {
        left,
        top: Math.max(MARGIN, Math.min(below, viewport.height - size.height - MARGIN)),
        placement: 'below',
      }
    : { left, top: MARGIN, placement: 'above' };
}
