// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { SPARSE_TEXT_CHARS, watchContent } from './content-watch';

const texts = (evidence: ContentEvidence | undefined) => evidence?.blocks.map((block) => block.text).join(' | ') ?? '';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p id="clock">0</p>';
});
afterEach(() => vi.useRealTimers());

/** Lets the watcher's throttled, idle-time gathers and the observer's callbacks run. */
async function run(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 50) await vi.advanceTimersByTimeAsync(50);
}

/** A host with a closed shadow root holding `html`, and a reader that sees it as the browser shows extensions. */
function closedHost(html: string): { host: HTMLElement; root: ShadowRoot; read: (element: Element) => ShadowRoot | null } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = html;
  return { host, root, read: (element) => (element === host ? root : null) };
}

describe('content watcher', () => {
  it('gathers again when a page that kept changing until the watcher gave up starts to behave like a lock screen', async () => {
    const sent: ContentEvidence[] = [];
    const watcher = watchContent((evidence) => sent.push(evidence));
    // A clock ticking every 100 ms for two minutes: the watcher backs off, then stops (60 gathers).
    for (let i = 1; i <= 1200; i++) {
      (document.getElementById('clock') as HTMLElement).textContent = String(i);
      await run(100);
    }
    const whenItGaveUp = sent.length;
    expect(whenItGaveUp).toBeLessThanOrEqual(60);
    document.body.innerHTML = '<h1>Windows Defender</h1><p>Your computer is infected</p>';
    await run(2000);
    expect(sent.length, 'the budget is spent: a change alone is not looked at').toBe(whenItGaveUp);
    watcher.behaved();
    await run(200);
    expect(texts(sent.at(-1))).toBe('Windows Defender | Your computer is infected');
  });

  it('sees changes inside shadow roots, closed ones included, and text from outside the DOM', async () => {
    const { root, read } = closedHost('<p>inside</p>');
    let extra = [{ text: 'drawn on a canvas', px: 30, flags: 0 }];
    const sent: ContentEvidence[] = [];
    const watcher = watchContent((evidence) => sent.push(evidence), { closedShadowRootOf: read, extraBlocks: () => extra });
    await run(500);
    expect(texts(sent.at(-1))).toBe('0 | inside | drawn on a canvas');
    root.innerHTML = '<p>Call +1-888-555-0142</p>';
    await run(1000);
    expect(texts(sent.at(-1))).toBe('0 | Call +1-888-555-0142 | drawn on a canvas');
    extra = [{ text: 'redrawn', px: 30, flags: 0 }];
    watcher.changed();
    await run(1000);
    expect(texts(sent.at(-1))).toBe('0 | Call +1-888-555-0142 | redrawn');
  });

  it('opens closed shadow roots only on a sparse page or once the page behaved like a lock screen', async () => {
    const { host, read } = closedHost('<p>hidden warning</p>');
    const article = document.createElement('article');
    article.textContent = 'Ordinary text. '.repeat(Math.ceil(SPARSE_TEXT_CHARS / 10));
    document.body.append(article);
    const asked: Element[] = [];
    const sent: ContentEvidence[] = [];
    const watcher = watchContent((evidence) => sent.push(evidence), {
      closedShadowRootOf: (el) => {
        asked.push(el);
        return read(el);
      },
    });
    await run(500);
    expect(asked, 'a page with plenty of visible text is read without the costly call').toEqual([]);
    expect(texts(sent.at(-1))).not.toContain('hidden warning');
    watcher.behaved();
    await run(200);
    expect(asked).toContain(host);
    expect(texts(sent.at(-1))).toContain('hidden warning');
  });

  it('looks into closed shadow roots at once when the page shows next to nothing else', async () => {
    const { read } = closedHost('<p>Call +1-888-555-0142</p>');
    const sent: ContentEvidence[] = [];
    watchContent((evidence) => sent.push(evidence), { closedShadowRootOf: read });
    await run(500);
    expect(sent).toHaveLength(1);
    expect(texts(sent[0])).toBe('0 | Call +1-888-555-0142');
  });

  it('reads the page at once when it behaves like a lock screen before its first reading', async () => {
    // The first reading waits for an idle moment, as in a browser.
    vi.stubGlobal('requestIdleCallback', (task: () => void) => setTimeout(task, 100));
    onTestFinished(() => void vi.unstubAllGlobals());
    document.body.innerHTML = '<h1>Windows Defender</h1><p>Call +1-888-555-0142</p>';
    const sent: ContentEvidence[] = [];
    const watcher = watchContent((evidence) => sent.push(evidence));
    expect(sent).toHaveLength(0);
    watcher.behaved();
    expect(texts(sent[0]), 'synchronously, inside the page’s call').toBe('Windows Defender | Call +1-888-555-0142');
    await run(500);
    expect(sent).toHaveLength(1);
  });

  it('says when the document’s root was replaced (document.open() drops every listener)', async () => {
    const replaced = vi.fn();
    watchContent(() => {}, { onDocumentReplaced: replaced });
    await run(300);
    const html = document.createElement('html');
    html.append(document.createElement('body'));
    document.documentElement.remove();
    document.append(html);
    await run(300);
    expect(replaced).toHaveBeenCalledTimes(1);
  });

  it('lazy: reads and watches nothing until the page behaves, then reads at once and follows its changes', async () => {
    document.body.innerHTML = '<p>An advert</p>';
    const sent: ContentEvidence[] = [];
    const watcher = watchContent((evidence) => sent.push(evidence), { lazy: true, extraBlocks: () => [] });
    await run(1000);
    document.body.innerHTML = '<h1>Windows Defender</h1>';
    watcher.changed();
    await run(1000);
    expect(sent, 'no reading at idle, on changes or on canvas text').toHaveLength(0);
    watcher.behaved();
    expect(texts(sent[0]), 'synchronously, inside the page’s call').toBe('Windows Defender');
    document.body.innerHTML = '<h1>Windows Defender</h1><p>Call +1-888-555-0142</p>';
    await run(1000);
    expect(texts(sent.at(-1)), 'watching from then on').toBe('Windows Defender | Call +1-888-555-0142');
  });
});
