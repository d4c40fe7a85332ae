import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { pageSettingsChanged } from '../../lib/settings/page-settings';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import { REFRESH_ALARM, runRefreshAlarm, syncRefreshAlarm } from './alarms';
import { moveLegacyKey } from './api-key';
import { ensureSeeded, getDataService } from './data-service';
import { runCommand } from './commands';
import { handleMessage } from './handlers';
import { notifyTabs } from './notify';
import { startInOpenTabs, syncContentScripts } from './site-access';
import { restrictStorageToTrustedContexts } from './storage-access';

function warn(what: string): (error: unknown) => void {
  return (error) => console.warn(`R2K Lens: ${what}`, error);
}

export default defineBackground(() => {
  // First, on every worker start: content scripts may not touch extension storage.
  void restrictStorageToTrustedContexts();

  // Every listener is registered synchronously, so a worker woken by an event receives it.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, sender),
  );

  browser.runtime.onInstalled.addListener(() => {
    // Install or update: seed the cache from this version's snapshot, then schedule a refresh;
    // register the content script again on the sites the user allowed (an update may have
    // changed its files or options).
    void (async () => {
      const { cache } = await getDataService();
      await ensureSeeded(cache);
      await syncRefreshAlarm(await loadSettings(), true);
    })().catch(warn('setup failed'));
    void syncContentScripts().catch(warn('site access could not be set up'));
    void moveLegacyKey().catch(warn('the API key could not be moved'));
  });

  browser.runtime.onStartup.addListener(() => {
    void loadSettings()
      .then((settings) => syncRefreshAlarm(settings))
      .catch(warn('alarm setup failed'));
    void syncContentScripts().catch(warn('site access could not be set up'));
  });

  // The shortcuts that walk through the page's mentions (manifest `commands`).
  browser.commands?.onCommand.addListener((command, tab) => {
    void runCommand(command, tab?.id);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void runRefreshAlarm();
  });

  // Site access follows the permissions the user grants and revokes (options, popup, or the
  // browser's own extension settings); open tabs learn at once whether to run.
  browser.permissions.onAdded.addListener((added) => {
    void (async () => {
      await syncContentScripts();
      await startInOpenTabs(added.origins ?? []);
      await notifyTabs({ type: 'pageSettingsChanged' });
    })().catch(warn('site access could not be updated'));
  });
  browser.permissions.onRemoved.addListener(() => {
    void (async () => {
      await syncContentScripts();
      await notifyTabs({ type: 'pageSettingsChanged' });
    })().catch(warn('site access could not be updated'));
  });

  watchSettings((settings, previous) => {
    void syncRefreshAlarm(settings).catch(() => undefined);
    // Content scripts cannot read settings: tell them to ask again, so changes apply to open
    // tabs without a reload. A card on screen reloads when the comparison changed.
    if (pageSettingsChanged(previous, settings)) {
      void notifyTabs({ type: 'pageSettingsChanged' }).catch(() => undefined);
    }
    if (JSON.stringify(previous.comparison) !== JSON.stringify(settings.comparison)) {
      void notifyTabs({ type: 'dataUpdated', data: { symbols: [] } }).catch(() => undefined);
    }
  });
});
