// One extension page per browser watches the case tabs through the extension's own
// APIs: it opens each case in its own window (so full screen in one case cannot
// affect another), reads each tab's address and asks the background for the tab's
// status ('get-tab-status'), the way the popup does.
import { openExtensionPage } from '../support/extension-api';
import type { ExtensionBrowser, TestPage } from '../support/extension-browser';

export interface TabSnapshot {
  tabId: number;
  /** The tab's address, or null when the tab is gone. */
  url: string | null;
  /** When the tab first reached the warning page (browser clock, ms since epoch). */
  blockedAt: number | null;
  verdict: { level: string; score: number; reasons: { key: string }[]; phoneNumbers: string[] } | null;
  /** What the probe saw the page do, by event kind. */
  eventCounts: Record<string, number>;
  error: string | null;
}

const API = 'const api = globalThis.browser ?? globalThis.chrome;';

export class Monitor {
  /** Windows the harness expects: those open at the start and the ones it opened for cases. */
  private readonly known = new Set<number>();
  /** The windows it opened for cases. */
  private readonly opened = new Set<number>();
  private readonly firstSeen = new Map<number, number>();

  private constructor(
    private readonly page: TestPage,
    readonly warningPrefix: string,
  ) {}

  static async open(browser: ExtensionBrowser): Promise<Monitor> {
    const page = await openExtensionPage(browser);
    const warningPrefix = `${browser.extensionOrigin}src/ui/warning/`;
    // tabs.onUpdated gives the moment a tab reaches the warning page, however short the poll.
    await page.evaluate(`(() => {
      ${API}
      globalThis.fwbBlockedAt = {};
      api.tabs.onUpdated.addListener((tabId, change) => {
        if (change.url && change.url.startsWith(${JSON.stringify(warningPrefix)}) && !globalThis.fwbBlockedAt[tabId]) {
          globalThis.fwbBlockedAt[tabId] = Date.now();
        }
      });
    })()`);
    const monitor = new Monitor(page, warningPrefix);
    for (const win of await monitor.windows()) monitor.known.add(win.id);
    return monitor;
  }

  /** Opens `url` in a new window and returns its ids. */
  async openWindow(url: string): Promise<{ windowId: number; tabId: number }> {
    const opened = await this.page.evaluate<{ windowId: number; tabId: number }>(`(async () => {
      ${API}
      const win = await api.windows.create({ url: ${JSON.stringify(url)} });
      return { windowId: win.id, tabId: win.tabs[0].id };
    })()`);
    this.known.add(opened.windowId);
    this.opened.add(opened.windowId);
    return opened;
  }

  /**
   * Closes windows the harness did not open (popups) once they are a second old: the
   * driver closes popups as they appear, but Firefox sometimes keeps a popup window
   * that was closed while still loading. Returns how many it closed.
   */
  async closeStrangers(graceMs = 1000): Promise<number> {
    const now = Date.now();
    let closed = 0;
    for (const win of await this.windows()) {
      if (this.known.has(win.id)) continue;
      const seen = this.firstSeen.get(win.id) ?? now;
      this.firstSeen.set(win.id, seen);
      if (now - seen < graceMs) continue;
      await this.closeWindow(win.id);
      this.known.add(win.id);
      closed++;
    }
    return closed;
  }

  /**
   * After the last case: windows still open besides `start` (those open before the first
   * case), once the ones that are only slow to go have gone. A window closing takes a
   * moment, longer on a loaded machine, and a kit's popup that appeared too late for the
   * regular sweep (or whose closing is still under way) would otherwise count as left
   * over. Popups (windows the harness did not open) are closed again on every look; the
   * cases' own windows, which every case closes itself, are only waited for, so a case
   * that failed to close its window still shows. Looks until none is left or `timeoutMs`
   * has passed, and returns what is left then.
   */
  async leftoverWindows(start: Set<number>, timeoutMs: number): Promise<{ id: number; urls: string[] }[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = (await this.windows()).filter((win) => !start.has(win.id));
      if (!left.length || Date.now() >= deadline) return left;
      for (const win of left) {
        if (!this.opened.has(win.id)) await this.closeWindow(win.id);
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  /** Closes a window and everything in it; no error when it is already gone. */
  async closeWindow(windowId: number): Promise<void> {
    await this.page.evaluate(`(async () => {
      ${API}
      try { await api.windows.remove(${windowId}); } catch {}
    })()`);
  }

  /** Every open window with its tabs' addresses, to check that no case left one open. */
  async windows(): Promise<{ id: number; urls: string[] }[]> {
    return this.page.evaluate(`(async () => {
      ${API}
      return (await api.windows.getAll({ populate: true })).map((win) => ({ id: win.id, urls: win.tabs.map((tab) => tab.url) }));
    })()`);
  }

  async snapshot(tabIds: number[]): Promise<TabSnapshot[]> {
    if (!tabIds.length) return [];
    return this.page.evaluate(`(async () => {
      ${API}
      const prefix = ${JSON.stringify(this.warningPrefix)};
      return Promise.all(${JSON.stringify(tabIds)}.map(async (tabId) => {
        let url = null;
        try { url = (await api.tabs.get(tabId)).url ?? null; } catch {}
        if (url && url.startsWith(prefix) && !globalThis.fwbBlockedAt[tabId]) globalThis.fwbBlockedAt[tabId] = Date.now();
        let verdict = null, eventCounts = {}, error = null;
        if (url !== null) {
          try {
            const reply = await api.runtime.sendMessage({ type: 'get-tab-status', payload: { tabId } });
            if (reply && reply.ok) { verdict = reply.value.verdict ?? null; eventCounts = reply.value.eventCounts ?? {}; }
            else error = 'get-tab-status: ' + (reply ? reply.error : 'no reply');
          } catch (e) { error = 'get-tab-status: ' + e; }
        }
        return { tabId, url, blockedAt: globalThis.fwbBlockedAt[tabId] ?? null, verdict, eventCounts, error };
      }));
    })()`);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
