import browser from 'webextension-polyfill';
import { onVerdictChange } from '../verdict-events';
import { onVerdictChangeForRemoteGuard } from './context-store';
import { onWarningTabRemoved } from './decide';
import { onRemoteDownloadChanged, onRemoteDownloadCreated } from './downloads';
import { onRemoteTabUpdated } from './pages';

// Remote-access guard (issue #9): warns before a scam turns into a remote-control
// session. Call once, synchronously, at the top level of the service worker.

function guarded<A extends unknown[]>(name: string, listener: (...args: A) => Promise<void>): (...args: A) => void {
  return (...args) =>
    void listener(...args).catch((error: unknown) => console.error(`[fake-warning-blocker] remote guard ${name} failed:`, error));
}

export function registerRemoteGuard(): void {
  onVerdictChange(onVerdictChangeForRemoteGuard);
  browser.downloads.onCreated.addListener(guarded('download', onRemoteDownloadCreated));
  browser.downloads.onChanged.addListener(guarded('download change', onRemoteDownloadChanged));
  browser.tabs.onUpdated.addListener(guarded('tab update', onRemoteTabUpdated));
  browser.tabs.onRemoved.addListener(guarded('tab close', onWarningTabRemoved));
}
