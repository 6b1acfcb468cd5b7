import browser from 'webextension-polyfill';
import { onSettingsChange } from '../settings/store';
import { onFullscreenRefusal, onVerdictChange } from '../verdict-events';
import { checkBlockList, checkOpenTabs } from './block-list';
import { protectOnVerdict } from './protect';
import { forgetRefusals, reconsiderRefusals, refuseFullscreenInTab } from './refuse-fullscreen';
import { forgetProtectionTab, rememberUrl } from './state';

/** Registers the protection listeners; called once, synchronously, at the top level of the worker. */
export function registerProtection(): void {
  onVerdictChange(protectOnVerdict);
  onFullscreenRefusal(refuseFullscreenInTab);
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (!changeInfo.url || !/^https?:/.test(changeInfo.url)) return;
    void rememberUrl(tabId, changeInfo.url).catch(() => {});
    void checkBlockList(tabId, changeInfo.url).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetRefusals(tabId);
    void forgetProtectionTab(tabId).catch(() => {});
  });
  // Called once the store has re-read user settings and policy, so the new values apply.
  onSettingsChange(() => {
    void checkOpenTabs().catch(() => {});
    reconsiderRefusals();
  });
}
