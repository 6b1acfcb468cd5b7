// Service worker. Listeners are registered synchronously at the top level so a
// worker woken by an event never misses it.
import browser, { type Runtime } from 'webextension-polyfill';
import { recordDetection } from './history/detections';
import { registerNotifications } from './notifications/register';
import { forgetChain, onTabCreated, onTabUpdated } from './reports/chain';
import { flushOutbox, resumeOutbox, RETRY_ALARM } from './reports/outbox';
import { registerProtection } from './protection/register';
import { registerRemoteGuard } from './remote-guard';
import { routeMessage } from './router';
import { sweepClosedTabs } from './session-sweep';
import { handleStorageChange } from './settings/store';
import { forgetTab } from './tab-state';
import { onVerdictChange } from './verdict-events';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => routeMessage(message, sender));
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetChain(tabId);
});
browser.tabs.onCreated.addListener((tab) => void onTabCreated(tab));
browser.tabs.onUpdated.addListener((tabId, change) => void onTabUpdated(tabId, change));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void flushOutbox();
});
onVerdictChange(recordDetection);

// Reports queued before the worker (or the browser) stopped: send what is due, re-arm the alarm.
void resumeOutbox().catch((error: unknown) => console.error('[fake-warning-blocker] report outbox:', error));
// Records of tabs that closed while a write to them was under way (or unheard by a stopped worker).
void sweepClosedTabs().catch((error: unknown) => console.warn('[fake-warning-blocker] session sweep:', error));
registerProtection();
browser.storage.onChanged.addListener((changes, areaName) => handleStorageChange(changes, areaName));
registerRemoteGuard();
registerNotifications();
