import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  refreshProgress,
  reportRefreshProgress,
} from '../../../entrypoints/background/refresh-progress';

describe('refresh progress', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is announced to extension pages and remembered until the refresh ends', () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    reportRefreshProgress({ done: 0, total: 8, current: '^RUT' });
    expect(refreshProgress()).toEqual({ done: 0, total: 8, current: '^RUT' });
    expect(sent).toHaveBeenLastCalledWith({
      type: 'refreshProgress',
      data: { done: 0, total: 8, current: '^RUT' },
    });
    reportRefreshProgress({ done: 8, total: 8, current: null });
    expect(refreshProgress()).toBeNull();
    expect(sent).toHaveBeenCalledTimes(2);
  });
});
