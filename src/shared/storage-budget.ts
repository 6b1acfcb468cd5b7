// The storage budget: how much each part of the extension may keep in storage.local.
//
// Chrome gives an extension 10 MB of storage.local (QUOTA_BYTES = 10,485,760) unless it
// asks for `unlimitedStorage`, which this extension does not. A write that would pass the
// quota fails as a whole, and whatever it carried (a report, a history entry) with it. So
// every key that can grow has a cap here, counted the way Chrome counts (the key plus the
// value's JSON, in UTF-8 bytes), and the caps add up to less than the quota with room to
// spare (storage-budget.test.ts adds them up; each owner's tests fill its area to the cap).
// Firefox has no fixed quota for storage.local; the same budget applies there.

export const STORAGE_LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/**
 * History: at most this many entries (the largest `historyLimit` accepted; a larger policy
 * value is clamped to it). A detection with 8 reasons and a phone number takes about
 * 860 bytes (measured in storage-bounds.test.ts), most kinds less, so 2,000 entries take
 * about 1.7 MB: months of history for anyone, and room for the byte cap below.
 */
export const HISTORY_MAX_ENTRIES = 2000;
/** History: and never more than this, however large single entries are (oldest go first). */
export const HISTORY_MAX_BYTES = 2.5 * 1024 * 1024;

/** Report outbox: reports waiting for the organisation's endpoint (pending or rejected). */
export const OUTBOX_MAX_UNDELIVERED = 50;
/**
 * Report outbox, all items together (screenshots included). When a report does not fit,
 * screenshots are left out first (the report text is kept), then the oldest undelivered
 * reports are given up; each report says so in the history (see shared/reports/outbox-budget.ts).
 */
export const OUTBOX_MAX_BYTES = 3 * 1024 * 1024;
/**
 * One screenshot, as base64 characters (about 1.1 MB of JPEG). A 1920×1080 capture at the
 * quality reports use is typically 100–400 KB; a larger one is left out of its report.
 */
export const REPORT_SCREENSHOT_MAX_CHARS = 1.5 * 1024 * 1024;

/** Page addresses kept in small records (flagged visits, false positives): only the start matters there. */
export const STORED_URL_MAX_CHARS = 2048;

export interface BudgetLine {
  /** The storage.local key. */
  key: string;
  maxBytes: number;
  /** What holds it to that size. */
  bound: string;
}

const KB = 1024;
const MB = 1024 * KB;

/** Every storage.local key that can grow, with its cap. Keys not listed are small and fixed in size. */
export const STORAGE_BUDGET: readonly BudgetLine[] = [
  { key: 'history', maxBytes: HISTORY_MAX_BYTES, bound: `at most historyLimit (≤ ${HISTORY_MAX_ENTRIES}) entries and ${HISTORY_MAX_BYTES} bytes` },
  { key: 'reportOutbox', maxBytes: OUTBOX_MAX_BYTES, bound: `at most ${OUTBOX_MAX_UNDELIVERED} undelivered reports and ${OUTBOX_MAX_BYTES} bytes` },
  { key: 'userSettings', maxBytes: 1 * MB, bound: 'allowList and blockList: at most 1000 patterns each, 500 ASCII characters a pattern' },
  { key: 'notificationSettingsSnapshot', maxBytes: 512 * KB, bound: 'one copy of the effective allowList' },
  { key: 'notificationSites', maxBytes: 320 * KB, bound: 'at most 300 sites, 10 refusal times each' },
  { key: 'protectionFalsePositives', maxBytes: 768 * KB, bound: `at most 200 records, addresses cut at ${STORED_URL_MAX_CHARS} characters, 20 reason keys` },
  { key: 'remoteGuardFlagged', maxBytes: 256 * KB, bound: `at most 100 visits of the last 24 hours, addresses cut at ${STORED_URL_MAX_CHARS} characters` },
];

/** Bytes of `value` as storage counts it: its JSON text in UTF-8 (undefined counts as nothing). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8Length(text);
}

/** UTF-8 length of a string without encoding it (JSON.stringify escapes lone surrogates). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A page address shortened for a small record (the host, which is what these records are matched on, stays). */
export function clipStoredUrl(url: string, max = STORED_URL_MAX_CHARS): string {
  return url.length > max ? url.slice(0, max) : url;
}
