// The history log's entry types. One typed union: every entry has the common
// fields plus a `kind` and kind-specific `data`. To add a kind, add it to
// HistoryKindData, give it a spec in ./kinds.ts (payload check + i18n label),
// and add the label keys to src/locales/*/history.json.
import type { Reason, VerdictLevel } from '../verdict';

/** Where a report to the organisation's endpoint stands (see reports/outbox). */
export type DeliveryState =
  /** No endpoint configured: the report lives only in the history (and the public forms). */
  | 'local-only'
  | 'queued'
  | 'retrying'
  | 'delivered'
  /** The endpoint answered with a permanent error (4xx); kept, shown, retried only on request. */
  | 'rejected'
  /** The configured endpoint is not an allowed URL (HTTPS, or http on loopback/.test for tests). */
  | 'invalid-endpoint'
  /** Given up unsent: too many reports were waiting (see shared/reports/outbox-budget.ts). */
  | 'dropped';

export const DELIVERY_STATES: readonly DeliveryState[] = [
  'local-only',
  'queued',
  'retrying',
  'delivered',
  'rejected',
  'invalid-endpoint',
  'dropped',
];

/** Why a report went without the screenshot it was to have (see shared/reports/outbox-budget.ts). */
export type ScreenshotLeftOut = 'too-large' | 'outbox-full';
export const SCREENSHOT_LEFT_OUT_REASONS: readonly ScreenshotLeftOut[] = ['too-large', 'outbox-full'];

export interface HistoryKindData {
  /** The detector rated a page suspicious or a scam. */
  detection: { score: number };
  /** The page was neutralised / replaced by the warning page (warning feature). */
  block: { action: 'blocked' | 'warned' | 'continued'; blockId?: string };
  /** What the extension did about a site's notification permission, and why (notifications feature). */
  'notification-decision': {
    origin: string;
    decision: NotificationDecisionKind;
    /** NotificationReason values (src/shared/notifications/decide.ts); the entry's `reasons` say them in words. */
    why: string[];
    /** The API the page called, for refusals. */
    api?: string;
    /** Firefox: push subscriptions ended when the permission could not be taken back. */
    pushUnsubscribed?: number;
  };
  /** The user reported the page as a scam. */
  report: {
    reportId: string;
    delivery: DeliveryState;
    comment?: string;
    /** A screenshot goes (or went) with the report. */
    screenshot: boolean;
    /** Why the screenshot asked for was left out to stay within the storage budget. */
    screenshotLeftOut?: ScreenshotLeftOut;
  };
  /** The user said the page is not a scam. */
  'false-positive': { reportId: string; delivery: DeliveryState; comment?: string; siteAllowed: boolean };
  /** The remote-access guard saw a remote-control tool's download or session page, and what it did. */
  'remote-access-warning': {
    tool: string;
    toolId: string;
    target: 'download' | 'page';
    decision: RemoteAccessDecision;
    fileName: string | null;
    mode: string;
    /** Why it counted as scam context (remote-context.ts ContextReason). */
    contextReasons: string[];
    /** The flagged page that put the user in scam context, if any. */
    flaggedUrl: string | null;
  };
  /** The user paused or resumed protection on a site. */
  'site-paused': { host: string };
  'site-resumed': { host: string };
}

/**
 * denied: one request refused; blocked: refused and the site blocked; monitored: monitor mode,
 * nothing refused; revoked: permission taken back (Chrome); kept: flagged with a permission the
 * browser does not let extensions take back (Firefox); granted: the user allowed the site;
 * user-blocked / unblocked: the user's choice on the options page.
 */
export const NOTIFICATION_DECISIONS = ['denied', 'blocked', 'monitored', 'revoked', 'kept', 'granted', 'user-blocked', 'unblocked'] as const;
export type NotificationDecisionKind = (typeof NOTIFICATION_DECISIONS)[number];

export const REMOTE_ACCESS_DECISIONS = ['allowed', 'warned', 'blocked', 'cancelled', 'continued', 'closed'] as const;
export type RemoteAccessDecision = (typeof REMOTE_ACCESS_DECISIONS)[number];

export type HistoryKind = keyof HistoryKindData;

export interface HistoryCommon {
  id: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** The page the entry is about (top-level URL), or '' when there is none. */
  url: string;
  level?: VerdictLevel;
  reasons?: Reason[];
  phoneNumbers?: string[];
}

export type HistoryEntry = {
  [K in HistoryKind]: HistoryCommon & { kind: K; data: HistoryKindData[K] };
}[HistoryKind];

/** What callers pass to recordHistory(): id and time are filled in. */
export type NewHistoryEntry = {
  [K in HistoryKind]: Omit<HistoryCommon, 'id' | 'time'> & { time?: number; kind: K; data: HistoryKindData[K] };
}[HistoryKind];

export type HistoryEntryOf<K extends HistoryKind> = Extract<HistoryEntry, { kind: K }>;

export const HISTORY_SCHEMA_VERSION = 1;

/** What storage.local['history'] holds. Newest entry first. */
export interface StoredHistory {
  version: number;
  entries: HistoryEntry[];
}

/** The export file format (also accepted by import). */
export interface HistoryExport {
  format: 'fake-warning-blocker-history';
  version: number;
  exportedAt: string;
  entries: HistoryEntry[];
}
