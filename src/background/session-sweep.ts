// At worker start: removes storage.session records of tabs closed meanwhile (see ./stale-tab-keys.ts).
import browser from 'webextension-polyfill';
import { staleTabKeys } from './stale-tab-keys';

export async function sweepClosedTabs(): Promise<number> {
  // Storage first, tabs second: a tab opened in between has no records in this snapshot yet.
  const session = await browser.storage.session.get(null);
  const open = new Set((await browser.tabs.query({})).map((tab) => tab.id).filter((id): id is number => id !== undefined));
  const stale = staleTabKeys(session, open);
  if (stale.length) await browser.storage.session.remove(stale);
  return stale.length;
}
