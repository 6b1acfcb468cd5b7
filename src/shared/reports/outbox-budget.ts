// How the report outbox stays within its share of storage.local (shared/storage-budget.ts):
// at most OUTBOX_MAX_UNDELIVERED reports waiting and OUTBOX_MAX_BYTES in all. When something
// has to give, the cheapest loss goes first:
//   1. delivered items: past their week, then the oldest (they are kept only to show their
//      state and to spot a repeat; the history keeps "delivered"). A delivered item never
//      keeps its screenshot: the organisation has it.
//   2. screenshots of reports still waiting: the report being queued loses its own first
//      (the user is told at once), then the oldest waiting ones. The report text still goes.
//   3. whole waiting reports: rejected ones first (they are retried only on request), then
//      the oldest pending. A report that has waited longest is the likeliest to be stale,
//      and its content stays in the user's history, marked "not sent".
// Every loss in 2 and 3 is returned, so the background writes it into the report's history
// entry: nothing is dropped without the user being able to see it.
import type { ScreenshotLeftOut } from '../history/entry';
import { OUTBOX_MAX_BYTES, OUTBOX_MAX_UNDELIVERED, REPORT_SCREENSHOT_MAX_CHARS, jsonBytes } from '../storage-budget';
import { type OutboxItem, pruneOutbox } from './outbox';

export const OUTBOX_KEY = 'reportOutbox';

export interface OutboxFit {
  items: OutboxItem[];
  /** Reports that lost their screenshot to the budget (their text is still queued). */
  screenshotsLeftOut: { item: OutboxItem; reason: ScreenshotLeftOut }[];
  /** Undelivered reports given up to make room: they will not be sent. */
  dropped: OutboxItem[];
}

export interface OutboxLimits {
  maxUndelivered: number;
  maxBytes: number;
}

const LIMITS: OutboxLimits = { maxUndelivered: OUTBOX_MAX_UNDELIVERED, maxBytes: OUTBOX_MAX_BYTES };

const withoutScreenshot = (item: OutboxItem): OutboxItem => ({ ...item, body: { ...item.body, screenshot: null } });
const hasScreenshot = (item: OutboxItem) => !!item.body?.screenshot;
const undelivered = (item: OutboxItem) => item.state !== 'delivered';

/** Bytes of the stored outbox, as storage counts them (key + JSON). */
export function outboxBytes(items: readonly OutboxItem[]): number {
  return OUTBOX_KEY.length + jsonBytes(items);
}

/** A list of items with their sizes, so a fit costs one JSON pass per item, not one per step. */
class SizedList {
  private readonly sizes = new Map<OutboxItem, number>();
  constructor(public items: OutboxItem[]) {
    for (const item of items) this.sizes.set(item, jsonBytes(item));
  }
  get bytes(): number {
    let sum = OUTBOX_KEY.length + 2 + Math.max(0, this.items.length - 1);
    for (const size of this.sizes.values()) sum += size;
    return sum;
  }
  /** The oldest item (by createdAt) that passes `test`. */
  oldest(test: (item: OutboxItem) => boolean): OutboxItem | undefined {
    let found: OutboxItem | undefined;
    for (const item of this.items) if (test(item) && (!found || item.createdAt < found.createdAt)) found = item;
    return found;
  }
  remove(item: OutboxItem): void {
    this.items = this.items.filter((candidate) => candidate !== item);
    this.sizes.delete(item);
  }
  replace(item: OutboxItem, next: OutboxItem): void {
    this.items = this.items.map((candidate) => (candidate === item ? next : candidate));
    this.sizes.delete(item);
    this.sizes.set(next, jsonBytes(next));
  }
}

/** Gives up the oldest rejected report, else the oldest pending one; false when none is left. */
function giveUpOldest(list: SizedList, fit: OutboxFit): boolean {
  const victim = list.oldest((item) => item.state === 'rejected') ?? list.oldest((item) => item.state === 'pending');
  if (!victim) return false;
  list.remove(victim);
  fit.dropped.push(victim);
  return true;
}

function sizedWithinRetention(items: readonly OutboxItem[], now: number): SizedList {
  return new SizedList(pruneOutbox([...items], now).map((item) => (item.state === 'delivered' && hasScreenshot(item) ? withoutScreenshot(item) : item)));
}

function limitCount(list: SizedList, fit: OutboxFit, limits: OutboxLimits): void {
  while (list.items.filter(undelivered).length > limits.maxUndelivered) {
    if (!giveUpOldest(list, fit)) break;
  }
}

function limitBytes(list: SizedList, fit: OutboxFit, limits: OutboxLimits): void {
  while (list.bytes > limits.maxBytes) {
    const delivered = list.oldest((item) => item.state === 'delivered');
    if (delivered) {
      list.remove(delivered);
      continue;
    }
    const pictured = list.oldest((item) => undelivered(item) && hasScreenshot(item));
    if (pictured) {
      list.replace(pictured, withoutScreenshot(pictured));
      fit.screenshotsLeftOut.push({ item: pictured, reason: 'outbox-full' });
      continue;
    }
    if (!giveUpOldest(list, fit)) break;
  }
}

/** Brings the outbox within its limits (see the order at the top of this file). Pure. */
export function fitOutbox(items: readonly OutboxItem[], now: number, limits: OutboxLimits = LIMITS): OutboxFit {
  const list = sizedWithinRetention(items, now);
  const fit: OutboxFit = { items: [], screenshotsLeftOut: [], dropped: [] };
  limitCount(list, fit, limits);
  limitBytes(list, fit, limits);
  fit.items = list.items;
  return fit;
}

/**
 * Queues `item` (a new report, the newest of all) within the limits. Its own screenshot is
 * left out when it is larger than one screenshot may be, or when it would not fit beside the
 * reports still waiting once the count limit has made its room (delivered items would make
 * way, waiting ones do not).
 */
export function admitToOutbox(items: readonly OutboxItem[], item: OutboxItem, now: number, limits: OutboxLimits = LIMITS): OutboxFit {
  const fit: OutboxFit = { items: [], screenshotsLeftOut: [], dropped: [] };
  const screenshot = item.body.screenshot;
  const tooLarge = !!screenshot && screenshot.dataBase64.length > REPORT_SCREENSHOT_MAX_CHARS;
  const list = sizedWithinRetention([...items, tooLarge ? withoutScreenshot(item) : item], now);
  if (tooLarge) fit.screenshotsLeftOut.push({ item, reason: 'too-large' });
  limitCount(list, fit, limits);
  const admitted = list.items.find((candidate) => candidate.reportId === item.reportId);
  if (admitted && hasScreenshot(admitted) && outboxBytes(list.items.filter(undelivered)) > limits.maxBytes) {
    list.replace(admitted, withoutScreenshot(admitted));
    fit.screenshotsLeftOut.push({ item, reason: 'outbox-full' });
  }
  limitBytes(list, fit, limits);
  fit.items = list.items;
  return fit;
}
