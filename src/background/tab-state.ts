import browser from 'webextension-polyfill';
import { analyseContent, type ContentFindings, mergeFindings } from '../shared/detection/analyse';
import { addProbeEvents, type BehaviourSummary, emptyBehaviour } from '../shared/detection/behaviour';
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { assess, fullscreenWouldMakeScam } from '../shared/detection/score';
import type { ProbeEvent } from '../shared/probe-events';
import type { TabStatus } from '../shared/protocol';
import { higherLevel, SAFE_VERDICT, type Verdict } from '../shared/verdict';
import { perTabQueue } from './per-tab-queue';
import { publishFullscreenRefusal, publishVerdictChange } from './verdict-events';

// Per-tab detection state lives in storage.session so a service-worker restart
// loses nothing. It holds small findings (each frame's content analysed once),
// never the page text itself. A new document in the top frame resets it.

const key = (tabId: number) => `tab:${tabId}`;
const MAX_FRAMES = 16;

interface FrameState {
  docId: string;
  findings: ContentFindings;
}

interface StoredTabState {
  url: string | null;
  /** The top frame's document: a new one means the tab navigated. */
  docId: string | null;
  eventCounts: Record<string, number>;
  behaviour: BehaviourSummary;
  frames: Record<string, FrameState>;
  verdict: Verdict;
  /** When the verdict reached its current level (Date.now()), for timing and diagnostics. */
  levelSince: number;
  /** A whole-page full-screen request would make the verdict a scam (its frames were told to refuse one). */
  refuseFullscreen?: boolean;
}

const fresh = (url: string | null, docId: string | null): StoredTabState => ({
  url, docId, eventCounts: {}, behaviour: emptyBehaviour(), frames: {}, verdict: SAFE_VERDICT, levelSince: Date.now(),
});

// storage.session is the truth across worker restarts; this cache saves a storage
// round trip on every probe batch (the verdict must follow an event within 100 ms).
const cache = new Map<number, StoredTabState>();

async function read(tabId: number): Promise<StoredTabState> {
  const cached = cache.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Partial<StoredTabState> | undefined;
  // A write may have filled the cache while storage answered (tabStatus reads outside the
  // per-tab queue): the cache is then newer than what storage said, and must not be replaced.
  const written = cache.get(tabId);
  if (written) return written;
  const state = stored?.behaviour ? (stored as StoredTabState) : { ...fresh(null, null), ...stored };
  cache.set(tabId, state);
  return state;
}

function write(tabId: number, state: StoredTabState): Promise<void> {
  cache.set(tabId, state);
  return browser.storage.session.set({ [key(tabId)]: state });
}

// Updates of one tab are chained so concurrent messages do not overwrite each other.
const serialise = perTabQueue();

function browserLocale(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en-US';
  }
}

/**
 * Scores the state again, stores it, and publishes when the level changes (storing and
 * acting run together: neutralising a lock must not wait for storage). Within one
 * document the level never goes down.
 */
async function rescoreAndWrite(tabId: number, state: StoredTabState): Promise<void> {
  const evidence = {
    url: state.url ?? '',
    content: mergeFindings(Object.values(state.frames).map((frame) => frame.findings)),
    behaviour: state.behaviour,
  };
  const verdict = assess(evidence).verdict;
  const previous = state.verdict;
  const lower = higherLevel(previous.level, verdict.level) === previous.level && previous.level !== verdict.level;
  if (!lower) state.verdict = verdict;
  if (!lower && verdict.level !== previous.level) state.levelSince = Date.now();
  // A scam is neutralised, which refuses full screen anyway: a "stop refusing" then could only race the disarming.
  if (state.verdict.level !== 'scam') {
    const refuseFullscreen = fullscreenWouldMakeScam(evidence);
    if (refuseFullscreen !== (state.refuseFullscreen ?? false)) {
      state.refuseFullscreen = refuseFullscreen;
      publishFullscreenRefusal({ tabId, url: state.url ?? '', refuse: refuseFullscreen });
    }
  }
  const stored = write(tabId, state);
  if (!lower && verdict.level !== previous.level) {
    await Promise.all([stored, publishVerdictChange({ tabId, url: state.url ?? '', verdict, previousLevel: previous.level })]);
  } else {
    await stored;
  }
}

/** A new document in the top frame: a fresh state. Refusals told to the old document's frames end with it. */
function reset(tabId: number, old: StoredTabState, url: string | null, docId: string): StoredTabState {
  if (old.refuseFullscreen) publishFullscreenRefusal({ tabId, url: old.url ?? '', refuse: false });
  return fresh(url, docId);
}

/** A document started in a frame; in the top frame this is a navigation and resets the tab. */
export function startDocument(tabId: number, frameId: number, url: string | null, docId: string): Promise<void> {
  return serialise(tabId, async () => {
    if (frameId !== 0) return;
    const state = await read(tabId);
    if (state.docId === docId) return;
    await write(tabId, reset(tabId, state, url, docId));
  });
}

/** Records a frame's content; answers the tab's verdict and whether this frame shows notification-lure text. */
export function recordContent(
  tabId: number,
  frameId: number,
  url: string | null,
  docId: string,
  evidence: ContentEvidence,
): Promise<{ verdict: Verdict; lure: boolean }> {
  return serialise(tabId, async () => {
    let state = await read(tabId);
    if (frameId === 0 && state.docId !== docId) state = reset(tabId, state, url, docId);
    if (frameId === 0 && url) state.url = url;
    const frameKey = String(frameId);
    if (!(frameKey in state.frames) && Object.keys(state.frames).length >= MAX_FRAMES) return { verdict: state.verdict, lure: false };
    const findings = analyseContent([evidence], browserLocale());
    state.frames[frameKey] = { docId, findings };
    await rescoreAndWrite(tabId, state);
    return { verdict: state.verdict, lure: findings.signals.lure };
  });
}

export function recordProbeEvents(tabId: number, url: string | null, events: ProbeEvent[]): Promise<void> {
  return serialise(tabId, async () => {
    const state = await read(tabId);
    // Not a reset: history floods change the URL without a new document.
    if (url) state.url = url;
    for (const event of events) state.eventCounts[event.kind] = (state.eventCounts[event.kind] ?? 0) + 1;
    addProbeEvents(state.behaviour, events);
    await rescoreAndWrite(tabId, state);
  });
}

export async function tabStatus(tabId: number): Promise<TabStatus> {
  const state = await read(tabId);
  return { tabId, url: state.url, eventCounts: state.eventCounts, verdict: state.verdict };
}

export function forgetTab(tabId: number): Promise<void> {
  return serialise(tabId, () => {
    cache.delete(tabId);
    return browser.storage.session.remove(key(tabId));
  });
}
