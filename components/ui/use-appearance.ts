import { useEffect } from 'preact/hooks';
import { setFigureLocale } from '../../lib/format/figures';
import { numberLocaleOf, type Settings } from '../../lib/settings/schema';
import { applyTheme } from './apply-theme';

/**
 * Applies the appearance settings to this page: the theme on the root element, and the number
 * format for every figure rendered after this call (set during render, before the children
 * render, so a change shows in the same update).
 */
export function useAppearance(settings: Settings | null): void {
  if (settings) setFigureLocale(numberLocaleOf(settings.appearance.numberFormat));
  const theme = settings?.appearance.theme;
  useEffect(() => {
    if (theme) applyTheme(document.documentElement, theme);
  }, [theme]);
}
