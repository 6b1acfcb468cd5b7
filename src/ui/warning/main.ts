import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import { blockIdFromUrl } from '../../shared/block-id';
import type { BlockView } from '../../shared/messages/protection';
import { localizePage, t } from '../lib/i18n';
import { showNotificationNotice } from './notification-notice';
import { renderBlock } from './render';

// The page knows only the block id in its address; what was blocked comes from the
// background, which answers only this tab for this id.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId('status');


async function act(button: HTMLButtonElement, action: () => Promise<unknown>, doneKey?: string): Promise<void> {
  const buttons = document.querySelectorAll<HTMLButtonElement>('button');
  buttons.forEach((b) => (b.disabled = true));
  status.textContent = '';
  try {
    await action();
    if (doneKey) status.textContent = t(doneKey);
  } catch (error) {
    console.warn('[fake-warning-blocker] warning page action failed:', error);
    status.textContent = t('warningActionFailed');
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    button.focus();
  }
}

async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

function wire(blockId: string, view: BlockView): void {
  const on = (id: string, action: () => Promise<unknown>, doneKey?: string) => {
    const button = byId<HTMLButtonElement>(id);
    button.addEventListener('click', () => void act(button, action, doneKey));
  };
  on('back', () => sendMessage('protection-leave', { blockId, to: 'back' }));
  on('close', () => sendMessage('protection-leave', { blockId, to: 'close' }));
  on('continue', () => sendMessage('protection-continue', { blockId }));
  on('not-scam', () => sendMessage('protection-allow-site', { blockId }));
  on(
    'report',
    () => sendMessage('report-page', { blockId, url: view.url, tabId: undefined, comment: undefined, includeScreenshot: undefined }),
    'warningReportSent',
  );
}

function showExpired(): void {
  byId('expired').hidden = false;
  document.documentElement.dataset.state = 'expired';
  const button = byId<HTMLButtonElement>('close-expired');
  button.addEventListener('click', () => void act(button, closeThisTab));
}

async function start(): Promise<void> {
  localizePage();
  byId<HTMLAnchorElement>('help-link').href = browser.runtime.getURL('src/ui/help/index.html');
  byId('headline').focus();
  const blockId = blockIdFromUrl(location.href);
  if (!blockId) return showExpired();
  try {
    const view = await sendMessage('protection-get-block', { blockId });
    renderBlock(view);
    wire(blockId, view);
    void showNotificationNotice(blockId).catch((error: unknown) => console.warn('[fake-warning-blocker] notification notice:', error));
    document.documentElement.dataset.state = 'ready';
  } catch {
    showExpired();
  }
}

void start();
