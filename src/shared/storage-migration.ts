// Versions of what the extension keeps in storage.local, and the way from each to the next.
// The service worker applies the plan once at start (src/background/storage/migrate.ts),
// before it handles any message; each step is pure and tested from stored examples.
//
// v0 (no `storageVersion`; builds up to 0.1.0, before this file):
//   userSettings            whatever was stored: the first builds applied ANY key found there,
//                           including ones only policy may set now (reportEndpoint, reportToken,
//                           allowUserReports, includeScreenshots, allowUserOverride, historyLimit…)
//                           and values of the wrong type;
//   history                 { version: 1, entries } (see shared/history/entry.ts), or, from
//                           development builds, a bare array of entries;
//   protectionFalsePositives an array, capped by its writer;
//   reportOutbox, remoteGuard*  read defensively by their own modules (unchanged here).
// v1: storageVersion = 1; userSettings holds only keys users may set, with valid values;
//   history is the versioned object; protectionFalsePositives at most 200 well-formed records.
// v2: storageVersion = 2; history, the report outbox and historyLimit within the storage
//   budget (shared/storage-budget.ts; the step: ./storage-migration-budget.ts).
import { HISTORY_SCHEMA_VERSION } from './history/entry';
import { USER_SETTING_KEYS, USER_SETTINGS_STORAGE_KEY } from './settings';
import { validateSettings } from './settings-validate';
import { toV2 } from './storage-migration-budget';
import { isPlainObject } from './validate';

export const STORAGE_VERSION_KEY = 'storageVersion';
export const STORAGE_VERSION = 2;
export const MAX_FALSE_POSITIVES = 200;

export interface MigrationPlan {
  from: number;
  to: number;
  /** Keys to write (storageVersion included). */
  set: Record<string, unknown>;
  remove: string[];
  /** What changed and why, for the log. */
  notes: string[];
}

/** The version stored data is at: 0 before versioning, a newer number from a newer build. */
export function storedVersion(stored: Record<string, unknown>): number {
  const version = stored[STORAGE_VERSION_KEY];
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

function toV1(stored: Record<string, unknown>, plan: MigrationPlan): void {
  if (USER_SETTINGS_STORAGE_KEY in stored) {
    const raw = stored[USER_SETTINGS_STORAGE_KEY];
    if (!isPlainObject(raw)) {
      plan.remove.push(USER_SETTINGS_STORAGE_KEY);
      plan.notes.push('userSettings was not an object: removed (defaults apply)');
    } else {
      const { values, issues } = validateSettings(raw, USER_SETTING_KEYS);
      if (issues.length) {
        plan.set[USER_SETTINGS_STORAGE_KEY] = values;
        const limited = issues.filter((issue) => issue.problem === 'above-maximum').map((issue) => issue.key);
        const dropped = issues.filter((issue) => issue.problem !== 'above-maximum').map((issue) => issue.key);
        if (dropped.length) plan.notes.push(`userSettings: dropped ${dropped.join(', ')}`);
        if (limited.length) plan.notes.push(`userSettings: limited ${limited.join(', ')} to the maximum`);
      }
    }
  }
  const history = stored.history;
  if (Array.isArray(history)) {
    plan.set.history = { version: HISTORY_SCHEMA_VERSION, entries: history };
    plan.notes.push('history: a bare list became the versioned object');
  } else if (history !== undefined && !isPlainObject(history)) {
    plan.remove.push('history');
    plan.notes.push('history was unreadable: removed');
  }
  const falsePositives = stored.protectionFalsePositives;
  if (falsePositives !== undefined) {
    const records = Array.isArray(falsePositives) ? falsePositives.filter((record) => isPlainObject(record) && typeof record.host === 'string') : [];
    const kept = records.slice(-MAX_FALSE_POSITIVES);
    if (!Array.isArray(falsePositives) || kept.length !== falsePositives.length) {
      plan.set.protectionFalsePositives = kept;
      plan.notes.push(`protectionFalsePositives: kept ${kept.length}`);
    }
  }
}

/** Step N takes storage at version N (as the earlier steps leave it) to N + 1. */
const STEPS: ((stored: Record<string, unknown>, plan: MigrationPlan, now: number) => void)[] = [toV1, toV2];

/** Storage as it will be once the plan so far is applied (values are shared: steps must not change them). */
function viewAfter(stored: Record<string, unknown>, plan: MigrationPlan): Record<string, unknown> {
  const view = { ...stored };
  for (const key of plan.remove) delete view[key];
  return { ...view, ...plan.set };
}

/**
 * What to change to bring `stored` (all of storage.local) to STORAGE_VERSION, or null when
 * there is nothing to do: already current, or written by a NEWER build (left untouched, so
 * going back to an older version loses nothing).
 */
export function planMigration(stored: Record<string, unknown>, now = Date.now()): MigrationPlan | null {
  const from = storedVersion(stored);
  if (from >= STORAGE_VERSION) return null;
  const plan: MigrationPlan = { from, to: STORAGE_VERSION, set: {}, remove: [], notes: [] };
  for (let version = from; version < STORAGE_VERSION; version++) STEPS[version]?.(viewAfter(stored, plan), plan, now);
  plan.set[STORAGE_VERSION_KEY] = STORAGE_VERSION;
  return plan;
}
