import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from './handlers';

export default defineBackground(() => {
  // Listeners are registered synchronously so a service worker woken by a message gets it.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, sender),
  );
});
