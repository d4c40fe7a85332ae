import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/store';

/** Current settings (null until loaded), kept in sync with changes made in any other view. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => alive && setSettings(s));
    const unwatch = watchSettings((s) => alive && setSettings(s));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}
