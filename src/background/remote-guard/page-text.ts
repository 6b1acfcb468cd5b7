import browser from 'webextension-polyfill';

// Reads the visible text of the page a download came from, for the "page pushes a
// remote tool with a phone number" rule. Bounded in size and time; never throws.

const MAX_CHARS = 100_000;
const TIMEOUT_MS = 1500;

export interface SourcePage {
  url: string;
  text: string;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

async function findSourceTab(sourceUrl: string | undefined): Promise<{ id: number; url: string } | null> {
  const tabs = await browser.tabs.query({});
  const web = tabs.filter((tab) => tab.id !== undefined && /^https?:/.test(tab.url ?? ''));
  const bySource = sourceUrl
    ? (web.find((tab) => tab.url === sourceUrl) ?? web.find((tab) => tab.active && sameOrigin(tab.url ?? '', sourceUrl)) ?? web.find((tab) => sameOrigin(tab.url ?? '', sourceUrl)))
    : undefined;
  const [focused] = bySource ? [] : await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const tab = bySource ?? (focused && /^https?:/.test(focused.url ?? '') ? focused : undefined);
  return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : null;
}

export async function readSourcePage(sourceUrl: string | undefined): Promise<SourcePage | null> {
  try {
    const tab = await findSourceTab(sourceUrl);
    if (!tab) return null;
    const read = browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: (max: number) => (document.body?.innerText ?? '').slice(0, max),
      args: [MAX_CHARS],
    });
    const timeout = new Promise<null>((done) => setTimeout(() => done(null), TIMEOUT_MS));
    const results = await Promise.race([read, timeout]);
    const text = results?.[0]?.result;
    return typeof text === 'string' ? { url: tab.url, text } : null;
  } catch {
    return null;
  }
}
