// The report an organisation's endpoint receives: a versioned JSON document.
// Documented in the README ("Report schema"); tests/support/report-receiver.ts
// checks incoming bodies with validateReport().
import type { EvidenceCategory, VerdictLevel } from '../verdict';
import { arrayOf, type Check, isPlainObject, num, object, oneOf, optional, str, ValidationError } from '../validate';

export const REPORT_SCHEMA_ID = 'https://fwb.example.org/schemas/report/v1';
export const REPORT_SCHEMA_VERSION = 1;

export type ReportKind = 'scam' | 'false-positive';

export interface ReportChainStep {
  url: string;
  /** How this URL came before the reported page: the tab that opened it, or an earlier address of the same tab. */
  via: 'opener' | 'navigation';
}

export interface ReportReason {
  key: string;
  params: string[];
  category: EvidenceCategory;
  weight: number;
  /** The reason in the reporter's language, when available. */
  text?: string;
}

export interface ScamReportV1 {
  schema: typeof REPORT_SCHEMA_ID;
  schemaVersion: 1;
  /** UUID; stays the same across retries, so receivers can deduplicate on it. */
  reportId: string;
  kind: ReportKind;
  /** ISO 8601 time the user made the report. */
  createdAt: string;
  page: {
    url: string;
    title: string | null;
    /** Earlier URLs that led here, oldest first (opener tab, then the tab's own earlier addresses). */
    chain: ReportChainStep[];
  };
  verdict: {
    level: VerdictLevel;
    score: number;
    reasons: ReportReason[];
  } | null;
  phoneNumbers: string[];
  comment: string | null;
  screenshot: { mediaType: 'image/jpeg' | 'image/png'; dataBase64: string } | null;
  client: {
    extensionVersion: string;
    browser: { name: string; version: string };
    platform: string;
    locale: string;
  };
  /** Where the user reported from. */
  source: 'popup' | 'warning-page' | 'other';
  blockId: string | null;
}

/** Longest page address and title a report carries (the builder cuts longer ones: a page controls both). */
export const REPORT_URL_MAX_CHARS = 8000;
export const REPORT_TITLE_MAX_CHARS = 1000;

const reason: Check<ReportReason> = object({
  key: str(100),
  params: arrayOf(str(300), 10),
  category: oneOf('lock', 'alarm', 'trap', 'claim', 'brand', 'call', 'place', 'lure'),
  weight: num,
  text: optional(str(1000)),
});

const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null ? null : check(value, path);

const isoTime: Check<string> = (value, path) => {
  const text = str(40)(value, path);
  if (Number.isNaN(Date.parse(text))) throw new ValidationError(`${path}: expected an ISO 8601 time`);
  return text;
};

const uuid: Check<string> = (value, path) => {
  const text = str(40)(value, path);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
    throw new ValidationError(`${path}: expected a UUID`);
  }
  return text;
};

const checkReport = object({
  schema: oneOf(REPORT_SCHEMA_ID),
  schemaVersion: (value, path) => {
    if (value !== REPORT_SCHEMA_VERSION) throw new ValidationError(`${path}: expected 1`);
    return 1 as const;
  },
  reportId: uuid,
  kind: oneOf('scam', 'false-positive'),
  createdAt: isoTime,
  page: object({
    url: str(REPORT_URL_MAX_CHARS),
    title: nullable(str(REPORT_TITLE_MAX_CHARS)),
    chain: arrayOf(object({ url: str(REPORT_URL_MAX_CHARS), via: oneOf('opener', 'navigation') }), 20),
  }),
  verdict: nullable(object({ level: oneOf('safe', 'suspicious', 'scam'), score: num, reasons: arrayOf(reason, 50) })),
  phoneNumbers: arrayOf(str(60), 20),
  comment: nullable(str(2000)),
  screenshot: nullable(object({ mediaType: oneOf('image/jpeg', 'image/png'), dataBase64: str(10_000_000) })),
  client: object({
    extensionVersion: str(40),
    browser: object({ name: str(40), version: str(40) }),
    platform: str(100),
    locale: str(40),
  }),
  source: oneOf('popup', 'warning-page', 'other'),
  blockId: nullable(str(100)),
});

const TOP_LEVEL_KEYS: readonly string[] = [
  'schema',
  'schemaVersion',
  'reportId',
  'kind',
  'createdAt',
  'page',
  'verdict',
  'phoneNumbers',
  'comment',
  'screenshot',
  'client',
  'source',
  'blockId',
];

/**
 * Strict check of a report body (for receivers and tests): every field present with
 * its type, nothing unknown at the top level, strings not longer than allowed.
 */
export function validateReport(value: unknown): ScamReportV1 {
  if (!isPlainObject(value)) throw new ValidationError('report: expected an object');
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new ValidationError(`report.${key}: unknown field`);
  }
  for (const key of TOP_LEVEL_KEYS) {
    if (!(key in value)) throw new ValidationError(`report.${key}: missing`);
  }
  const checked = checkReport(value, 'report') as unknown as ScamReportV1;
  // The checks drop unknown nested fields and truncate over-long strings; a receiver must see either as an error.
  if (JSON.stringify(checked).length !== JSON.stringify(value).length) {
    throw new ValidationError('report: a field is unknown or longer than the schema allows');
  }
  return checked;
}
