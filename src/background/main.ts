// Service worker. Listeners are registered synchronously at the top level so a
// worker woken by an event never misses it.
import browser, { type Runtime } from 'webextension-polyfill';
import { registerRemoteGuard } from './remote-guard';
import { routeMessage } from './router';
import { forgetTab } from './tab-state';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => routeMessage(message, sender));
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
registerRemoteGuard();
