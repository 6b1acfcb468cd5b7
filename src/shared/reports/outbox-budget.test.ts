import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTBOX_MAX_BYTES, OUTBOX_MAX_UNDELIVERED, REPORT_SCREENSHOT_MAX_CHARS } from '../storage-budget';
import { admitToOutbox, fitOutbox, type OutboxFit, outboxBytes } from './outbox-budget';
import { DELIVERED_RETENTION_MS, dedupeKeyFor, type OutboxItem } from './outbox';
import type { ScamReportV1 } from './schema';

const KB = 1024;

function body(reportId: string, screenshotChars = 0, extra = 0): ScamReportV1 {
  return {
    schema: 'https://fwb.example.org/schemas/report/v1',
    schemaVersion: 1,
    reportId,
    kind: 'scam',
    createdAt: new Date(0).toISOString(),
    page: { url: `https://scam.example/${reportId}`, title: 'Windows Defender', chain: [] },
    verdict: null,
    phoneNumbers: ['+1 888 555 0100'],
    comment: extra ? 'c'.repeat(extra) : null,
    screenshot: screenshotChars ? { mediaType: 'image/jpeg', dataBase64: 'A'.repeat(screenshotChars) } : null,
    client: { extensionVersion: '0.1.0', browser: { name: 'Chrome', version: '156' }, platform: 'linux', locale: 'en' },
    source: 'popup',
    blockId: null,
  } as ScamReportV1;
}

function item(id: string, createdAt: number, options: { state?: OutboxItem['state']; screenshot?: number; text?: number; deliveredAt?: number } = {}): OutboxItem {
  return {
    reportId: id,
    historyId: `h-${id}`,
    dedupeKey: dedupeKeyFor('scam', `https://scam.example/${id}`),
    body: body(id, options.screenshot, options.text),
    state: options.state ?? 'pending',
    attempts: 0,
    createdAt,
    nextAttemptAt: createdAt,
    ...(options.deliveredAt !== undefined ? { deliveredAt: options.deliveredAt } : {}),
  };
}

const ids = (items: OutboxItem[]) => items.map((entry) => entry.reportId);
const leftOut = (fit: OutboxFit) => fit.screenshotsLeftOut.map(({ item: entry, reason }) => [entry.reportId, reason]);
const NOW = 10 * 24 * 3600_000;

describe('outbox budget', () => {
  it('leaves everything alone while the outbox is within its limits', () => {
    const items = [item('a', 1, { screenshot: 200 * KB }), item('b', 2, { state: 'rejected' }), item('c', 3, { state: 'delivered', deliveredAt: NOW - 1 })];
    const fit = fitOutbox(items, NOW);
    expect(fit.items).toEqual(items);
    expect(fit).toMatchObject({ screenshotsLeftOut: [], dropped: [] });
  });

  it('keeps no screenshot with a delivered report, and forgets delivered reports after a week', () => {
    const fit = fitOutbox([item('old', 1, { state: 'delivered', deliveredAt: NOW - DELIVERED_RETENTION_MS }), item('d', 2, { state: 'delivered', screenshot: 100, deliveredAt: NOW - 1 })], NOW);
    expect(ids(fit.items)).toEqual(['d']);
    expect(fit.items[0]?.body.screenshot).toBeNull();
    // Not a loss: the organisation has the picture.
    expect(fit.screenshotsLeftOut).toEqual([]);
  });

  it(`keeps at most ${OUTBOX_MAX_UNDELIVERED} undelivered reports, giving up rejected ones first, then the oldest pending`, () => {
    const items = Array.from({ length: OUTBOX_MAX_UNDELIVERED }, (_, i) => item(`p${i}`, 100 + i));
    items.splice(10, 0, item('rejected-late', 500, { state: 'rejected' }));
    items.push(item('done', 1, { state: 'delivered', deliveredAt: NOW }));
    const fit = fitOutbox([...items, item('new', 1000)], NOW);
    expect(ids(fit.dropped)).toEqual(['rejected-late', 'p0']);
    expect(fit.items.filter((entry) => entry.state !== 'delivered')).toHaveLength(OUTBOX_MAX_UNDELIVERED);
    expect(ids(fit.items)).toContain('new');
    // Delivered items do not count against the waiting reports.
    expect(ids(fit.items)).toContain('done');
  });

  it('leaves out the screenshot of the report being queued when it would not fit beside the waiting ones, and keeps its text', () => {
    const waiting = [item('a', 1, { screenshot: 1400 * KB }), item('b', 2, { screenshot: 1400 * KB })];
    const fit = admitToOutbox(waiting, item('new', 3, { screenshot: 400 * KB }), NOW);
    expect(leftOut(fit)).toEqual([['new', 'outbox-full']]);
    expect(ids(fit.items)).toEqual(['a', 'b', 'new']);
    expect(fit.items[2]?.body.screenshot).toBeNull();
    expect(fit.items[2]?.body.phoneNumbers).toEqual(['+1 888 555 0100']);
    expect(fit.items[0]?.body.screenshot).not.toBeNull();
    expect(fit.dropped).toEqual([]);
  });

  it('lets delivered reports make way for a new screenshot rather than leaving it out', () => {
    const delivered = Array.from({ length: 30 }, (_, i) => item(`d${i}`, i, { state: 'delivered', text: 80 * KB, deliveredAt: NOW - 1000 + i }));
    const fit = admitToOutbox(delivered, item('new', 100, { screenshot: 1000 * KB }), NOW);
    expect(fit.screenshotsLeftOut).toEqual([]);
    expect(fit.items.at(-1)?.body.screenshot).not.toBeNull();
    expect(ids(fit.items)[0]).not.toBe('d0');
    expect(outboxBytes(fit.items)).toBeLessThanOrEqual(OUTBOX_MAX_BYTES);
  });

  it('leaves out a screenshot larger than one may be, whatever room there is', () => {
    const fit = admitToOutbox([], item('huge', 1, { screenshot: REPORT_SCREENSHOT_MAX_CHARS + 1 }), NOW);
    expect(leftOut(fit)).toEqual([['huge', 'too-large']]);
    expect(fit.items[0]?.body.screenshot).toBeNull();
    const fits = admitToOutbox([], item('ok', 1, { screenshot: REPORT_SCREENSHOT_MAX_CHARS }), NOW);
    expect(fits.screenshotsLeftOut).toEqual([]);
  });

  it('drops older screenshots, then the oldest reports, when even the text does not fit', () => {
    const waiting = [item('a', 1, { screenshot: 1000 * KB }), item('b', 2, { text: 900 * KB }), item('c', 3, { text: 900 * KB })];
    const fit = admitToOutbox(waiting, item('new', 4, { text: 900 * KB }), NOW);
    expect(leftOut(fit)).toEqual([['a', 'outbox-full']]);
    expect(fit.dropped).toEqual([]);
    const tighter = admitToOutbox(fit.items, item('newer', 5, { text: 900 * KB }), NOW);
    // The oldest first: 'a' (now without its picture) is too small to make room on its own.
    expect(ids(tighter.dropped)).toEqual(['a', 'b']);
    expect(ids(tighter.items)).toEqual(['c', 'new', 'newer']);
  });

  // A long outage: reports arrive one by one with or without screenshots of any size, some are
  // delivered, some rejected; the outbox must stay within budget, and every report must be
  // accounted for: still queued, delivered, or named in `dropped`; every lost screenshot named.
  const step = fc.oneof(
    fc.record({ kind: fc.constant('report' as const), screenshot: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: REPORT_SCREENSHOT_MAX_CHARS + 100 * KB })), text: fc.integer({ min: 0, max: 200 * KB }) }),
    fc.record({ kind: fc.constantFrom('deliver' as const, 'reject' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 * 24 * 3600_000 }) }),
  );
  it('stays within its count and byte budget after any sequence of reports, deliveries and rejections, and accounts for every loss (property-based)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 120 }), (steps) => {
        let items: OutboxItem[] = [];
        let now = 0;
        let next = 0;
        const queued = new Set<string>();
        const dropped = new Set<string>();
        const delivered = new Set<string>();
        const pictured = new Set<string>();
        const lostPicture = new Set<string>();
        for (const action of steps) {
          let fit: OutboxFit;
          if (action.kind === 'report') {
            const id = `r${next++}`;
            queued.add(id);
            if (action.screenshot) pictured.add(id);
            fit = admitToOutbox(items, item(id, now, { screenshot: action.screenshot, text: action.text }), now);
          } else if (action.kind === 'wait') {
            now += action.ms;
            fit = fitOutbox(items, now);
          } else {
            const waiting = items.filter((entry) => entry.state !== 'delivered');
            const target = waiting[action.pick % Math.max(1, waiting.length)];
            if (target && action.kind === 'deliver') delivered.add(target.reportId);
            const changed = items.map((entry): OutboxItem =>
              entry !== target ? entry : action.kind === 'deliver' ? { ...entry, state: 'delivered', deliveredAt: now } : { ...entry, state: 'rejected' },
            );
            fit = fitOutbox(changed, now);
          }
          for (const gone of fit.dropped) {
            expect(delivered.has(gone.reportId)).toBe(false);
            dropped.add(gone.reportId);
          }
          for (const { item: lost } of fit.screenshotsLeftOut) lostPicture.add(lost.reportId);
          items = fit.items;
          expect(outboxBytes(items)).toBeLessThanOrEqual(OUTBOX_MAX_BYTES);
          expect(items.filter((entry) => entry.state !== 'delivered').length).toBeLessThanOrEqual(OUTBOX_MAX_UNDELIVERED);
          for (const id of queued) {
            const present = items.find((entry) => entry.reportId === id);
            if (!present) expect(delivered.has(id) || dropped.has(id), `${id} vanished`).toBe(true);
            else if (present.state !== 'delivered' && pictured.has(id) && !present.body.screenshot) expect(lostPicture.has(id), `${id} lost its picture silently`).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
