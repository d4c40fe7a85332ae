import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import { REFRESH_ALARM, runRefreshAlarm, syncRefreshAlarm } from './alarms';
import { ensureSeeded, getDataService } from './data-service';
import { runCommand } from './commands';
import { handleMessage } from './handlers';

export default defineBackground(() => {
  // Every listener is registered synchronously, so a worker woken by an event receives it.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, sender),
  );

  browser.runtime.onInstalled.addListener(() => {
    // Install or update: seed the cache from this version's snapshot, then schedule a refresh.
    void (async () => {
      const { cache } = await getDataService();
      await ensureSeeded(cache);
      await syncRefreshAlarm(await loadSettings(), true);
    })().catch((error: unknown) => console.warn('R2K Lens: setup failed', error));
  });

  browser.runtime.onStartup.addListener(() => {
    void loadSettings()
      .then((settings) => syncRefreshAlarm(settings))
      .catch((error: unknown) => console.warn('R2K Lens: alarm setup failed', error));
  });

  // The shortcuts that walk through the page's mentions (manifest `commands`).
  browser.commands?.onCommand.addListener((command, tab) => {
    void runCommand(command, tab?.id);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void runRefreshAlarm();
  });

  watchSettings((settings) => {
    void syncRefreshAlarm(settings).catch(() => undefined);
  });
});
