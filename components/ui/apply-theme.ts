import type { Theme } from '../../lib/settings/schema';

/** Applies the user's theme to a root element (`data-theme`); `system` follows prefers-color-scheme in CSS. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
}
