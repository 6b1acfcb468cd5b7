import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { SenderTier } from '../shared/protocol';

/**
 * Decides which trust tier a message comes from, or null to ignore it.
 * Firefox leaves `sender.origin` undefined, so this relies on `sender.id` and `sender.url`.
 */
export function senderTier(sender: Runtime.MessageSender): SenderTier | null {
  if (sender.id !== browser.runtime.id) return null;
  const extensionOrigin = browser.runtime.getURL('');
  if (sender.url?.startsWith(extensionOrigin) && !sender.tab?.url?.startsWith('http')) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content';
  return null;
}
