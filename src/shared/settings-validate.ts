// Validation with fallback for settings from any tier (user storage, managed
// policy): each key is checked on its own, a bad value is reported and left out
// (so its default or the lower tier applies), a bad list entry is reported and
// dropped while the good entries stay, and a size limit above its maximum is
// reported and clamped to the maximum. Never throws, whatever the input.

import {
  type ProtectionMode,
  type RemoteGuardMode,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SupportContact,
} from './settings';
import { parseSitePattern } from './site-patterns';
import { HISTORY_MAX_ENTRIES } from './storage-budget';

export type SettingsProblem =
  | 'unreadable'
  | 'not-an-object'
  | 'unknown-key'
  | 'wrong-type'
  | 'bad-value'
  | 'bad-entry'
  | 'too-many'
  /** Larger than the extension can keep: the maximum is used instead (the value is not ignored). */
  | 'above-maximum';

export interface SettingsIssue {
  /** The setting, e.g. "mode", "allowList[3]", "supportContact.phone"; "*" for the whole object. */
  key: string;
  problem: SettingsProblem;
  /** Technical detail in English for administrators, e.g. "expected one of block, warn, monitor". */
  detail: string;
}

export interface ValidatedSettings {
  /** Only the keys whose values passed (possibly cleaned: trimmed, normalised, bad entries dropped). */
  values: Partial<Settings>;
  /** Known keys present in the input, valid or not (policy locks these). */
  present: SettingKey[];
  issues: SettingsIssue[];
}

type Report = (key: string, problem: SettingsProblem, detail: string) => void;
/** Returns the cleaned value, or undefined after reporting why it was rejected. */
type FieldCheck<T> = (value: unknown, key: string, report: Report) => T | undefined;

export const MAX_LIST_ENTRIES = 1000;
const MAX_URL_LENGTH = 2048;
const MAX_TOKEN_LENGTH = 4096;
const MAX_TEXT_LENGTH = 120;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const boolean: FieldCheck<boolean> = (value, key, report) => {
  if (typeof value === 'boolean') return value;
  report(key, 'wrong-type', `expected true or false, got ${describe(value)}`);
  return undefined;
};

const oneOf =
  <T extends string>(...options: readonly T[]): FieldCheck<T> =>
  (value, key, report) => {
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    if (typeof value !== 'string') report(key, 'wrong-type', `expected a string, got ${describe(value)}`);
    else report(key, 'bad-value', `expected one of ${options.join(', ')}`);
    return undefined;
  };

/**
 * A whole number from min to max. Out of range is a bad value (ignored), except above the
 * maximum of a size limit (`above: 'clamp'`): the administrator asked for "as much as
 * possible", so they get the maximum, and the issue says so.
 */
const integer =
  (min: number, max: number, above: 'reject' | 'clamp' = 'reject'): FieldCheck<number> =>
  (value, key, report) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      report(key, 'wrong-type', `expected a whole number, got ${describe(value)}`);
      return undefined;
    }
    if (value > max && above === 'clamp') {
      report(key, 'above-maximum', `at most ${max}: the storage budget allows no more`);
      return max;
    }
    if (value < min || value > max) {
      report(key, 'bad-value', `expected a number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  };

const siteList: FieldCheck<string[]> = (value, key, report) => {
  if (!Array.isArray(value)) {
    report(key, 'wrong-type', `expected a list of host names or URL patterns, got ${describe(value)}`);
    return undefined;
  }
  if (value.length > MAX_LIST_ENTRIES) {
    report(key, 'too-many', `at most ${MAX_LIST_ENTRIES} entries`);
    return undefined;
  }
  const result = new Set<string>();
  for (const [index, entry] of value.entries()) {
    const pattern = typeof entry === 'string' ? parseSitePattern(entry) : null;
    if (pattern) result.add(pattern.text);
    else report(`${key}[${index}]`, 'bad-entry', `not a host name or URL pattern: ${preview(entry)}`);
  }
  return [...result];
};

function preview(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function isWebUrl(text: string, schemes: readonly string[]): boolean {
  if (text.length > MAX_URL_LENGTH || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return schemes.includes(url.protocol) && !url.username && !url.password && (url.protocol === 'mailto:' || !!url.hostname);
  } catch {
    return false;
  }
}

const urlOrEmpty =
  (schemes: readonly string[]): FieldCheck<string> =>
  (value, key, report) => {
    if (typeof value !== 'string') {
      report(key, 'wrong-type', `expected a string, got ${describe(value)}`);
      return undefined;
    }
    const text = value.trim();
    if (text === '' || isWebUrl(text, schemes)) return text;
    report(key, 'bad-value', `expected an empty string or a ${schemes.join(' / ')} URL without user name or password`);
    return undefined;
  };

const token: FieldCheck<string> = (value, key, report) => {
  if (typeof value !== 'string') {
    report(key, 'wrong-type', `expected a string, got ${describe(value)}`);
    return undefined;
  }
  // Sent as an HTTP header value: printable ASCII only. The value itself is never echoed.
  if (value.length > MAX_TOKEN_LENGTH || !/^[\x21-\x7e]*$/.test(value)) {
    report(key, 'bad-value', `expected printable ASCII without spaces, at most ${MAX_TOKEN_LENGTH} characters`);
    return undefined;
  }
  return value;
};

const text: FieldCheck<string> = (value, key, report) => {
  if (typeof value !== 'string') {
    report(key, 'wrong-type', `expected a string, got ${describe(value)}`);
    return undefined;
  }
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed.length > MAX_TEXT_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    report(key, 'bad-value', `expected at most ${MAX_TEXT_LENGTH} characters on one line`);
    return undefined;
  }
  return trimmed;
};

const phone: FieldCheck<string> = (value, key, report) => {
  const cleaned = text(value, key, report);
  if (cleaned === undefined) return undefined;
  const digits = cleaned.replace(/\D/g, '').length;
  if (cleaned === '' || (/^\+?[0-9 ()./-]+$/.test(cleaned) && digits >= 3 && digits <= 20)) return cleaned;
  report(key, 'bad-value', 'expected a phone number: digits, spaces, + ( ) - . / only');
  return undefined;
};

const CONTACT_FIELDS: { [K in keyof SupportContact]: FieldCheck<string> } = {
  name: text,
  phone,
  url: urlOrEmpty(['https:', 'http:', 'mailto:']),
};

const supportContact: FieldCheck<SupportContact | null> = (value, key, report) => {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(key, 'wrong-type', `expected an object with name, phone and url, got ${describe(value)}`);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const contact: SupportContact = { name: '', phone: '', url: '' };
  for (const field of Object.keys(record)) {
    if (!Object.hasOwn(CONTACT_FIELDS, field)) report(`${key}.${field}`, 'unknown-key', 'not a support contact field');
  }
  for (const field of Object.keys(CONTACT_FIELDS) as (keyof SupportContact)[]) {
    if (record[field] === undefined) continue;
    contact[field] = CONTACT_FIELDS[field](record[field], `${key}.${field}`, report) ?? '';
  }
  return contact.name || contact.phone || contact.url ? contact : null;
};

const CHECKS: { [K in SettingKey]: FieldCheck<Settings[K]> } = {
  protectionEnabled: boolean,
  mode: oneOf<ProtectionMode>('block', 'warn', 'monitor'),
  allowUserOverride: boolean,
  allowList: siteList,
  blockList: siteList,
  notificationProtection: boolean,
  remoteGuardMode: oneOf<RemoteGuardMode>('off', 'scam-context', 'always-warn', 'block'),
  remoteGuardWindowMinutes: integer(1, 1440),
  allowUserReports: boolean,
  reportEndpoint: urlOrEmpty(['https:', 'http:']),
  reportToken: token,
  includeScreenshots: boolean,
  supportContact,
  // Entries of about 860 bytes: see shared/storage-budget.ts for the number.
  historyLimit: integer(0, HISTORY_MAX_ENTRIES, 'clamp'),
};

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(CHECKS, key);
}

/** Checks every key of `raw` (a policy or the stored user settings). Never throws. */
export function validateSettings(raw: unknown, allowedKeys: readonly SettingKey[] = SETTING_KEYS): ValidatedSettings {
  const values: Partial<Record<SettingKey, unknown>> = {};
  const present: SettingKey[] = [];
  const issues: SettingsIssue[] = [];
  const report: Report = (key, problem, detail) => issues.push({ key, problem, detail });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== undefined) report('*', 'not-an-object', `expected an object of settings, got ${describe(raw)}`);
    return { values: {}, present, issues };
  }
  for (const key of Object.keys(raw)) {
    if (!isSettingKey(key) || !allowedKeys.includes(key)) {
      report(key, 'unknown-key', isSettingKey(key) ? 'cannot be set here' : 'not a setting of this extension');
      continue;
    }
    present.push(key);
    const value = (CHECKS[key] as FieldCheck<unknown>)((raw as Record<string, unknown>)[key], key, report);
    if (value !== undefined) values[key] = value;
  }
  return { values: values as Partial<Settings>, present, issues };
}
