import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import { localizePage, t } from '../lib/i18n';
import { showManagedNotice } from '../lib/locked-indicator';

async function showStatus(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const statusText = document.getElementById('status-text') as HTMLElement;
  const site = document.getElementById('status-site') as HTMLElement;
  const list = document.getElementById('status-events') as HTMLElement;
  if (tab?.id === undefined) {
    statusText.textContent = t('popupStatusNoPage');
    return;
  }
  const status = await sendMessage('get-tab-status', { tabId: tab.id });
  site.textContent = status.url ? new URL(status.url).host : '';
  const kinds = Object.entries(status.eventCounts);
  statusText.textContent = kinds.length ? t('popupStatusEventsSeen') : t('popupStatusNothingSeen');
  list.replaceChildren(
    ...kinds.map(([kind, count]) => {
      const item = document.createElement('li');
      item.dataset.kind = kind;
      item.textContent = `${kind}: ${count}`;
      return item;
    }),
  );
}

localizePage();
showStatus().catch((error: unknown) => {
  (document.getElementById('status-text') as HTMLElement).textContent = t('popupStatusError');
  console.error(error);
});
showManagedNotice(document.querySelector('main') as HTMLElement).catch((error: unknown) => console.error(error));
