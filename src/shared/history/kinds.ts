// Per-kind rules for history entries: how to check the kind's data (imports and
// stored data are untrusted) and how to describe it (an i18n key + params).
import type { EvidenceCategory, Reason } from '../verdict';
import { arrayOf, bool, type Check, isPlainObject, nullable, num, object, oneOf, optional, str, ValidationError } from '../validate';
import {
  DELIVERY_STATES,
  NOTIFICATION_DECISIONS,
  REMOTE_ACCESS_DECISIONS,
  SCREENSHOT_LEFT_OUT_REASONS,
  type HistoryCommon,
  type HistoryEntry,
  type HistoryKind,
  type HistoryKindData,
} from './entry';

export interface Described {
  key: string;
  params: string[];
}

interface KindSpec<K extends HistoryKind> {
  /** Message key naming the kind (filter list, entry heading). */
  labelKey: string;
  data: Check<HistoryKindData[K]>;
  /** One line saying what happened, beyond the common fields. */
  describe(data: HistoryKindData[K]): Described | null;
}

const delivery = oneOf(...DELIVERY_STATES);
const deliveryKey = (state: string) => `historyDelivery_${state.replace(/-/g, '_')}`;

export const HISTORY_KINDS: { [K in HistoryKind]: KindSpec<K> } = {
  detection: {
    labelKey: 'historyKindDetection',
    data: object({ score: num }),
    describe: (data) => ({ key: 'historyDetailScore', params: [String(Math.round(data.score))] }),
  },
  block: {
    labelKey: 'historyKindBlock',
    data: object({ action: oneOf('blocked', 'warned', 'continued'), blockId: optional(str(100)) }),
    describe: (data) => ({ key: `historyBlock_${data.action}`, params: [] }),
  },
  'notification-decision': {
    labelKey: 'historyKindNotification',
    data: object({
      origin: str(500),
      decision: oneOf(...NOTIFICATION_DECISIONS),
      why: arrayOf(str(40), 10),
      api: optional(str(40)),
      pushUnsubscribed: optional(num),
    }),
    describe: (data) => ({ key: `historyNotification_${data.decision.replace(/-/g, '_')}`, params: [data.origin] }),
  },
  report: {
    labelKey: 'historyKindReport',
    data: object({
      reportId: str(100),
      delivery,
      comment: optional(str(2000)),
      screenshot: bool,
      screenshotLeftOut: optional(oneOf(...SCREENSHOT_LEFT_OUT_REASONS)),
    }),
    describe: (data) => ({ key: deliveryKey(data.delivery), params: [] }),
  },
  'false-positive': {
    labelKey: 'historyKindFalsePositive',
    data: object({ reportId: str(100), delivery, comment: optional(str(2000)), siteAllowed: bool }),
    describe: (data) => ({ key: deliveryKey(data.delivery), params: [] }),
  },
  'remote-access-warning': {
    labelKey: 'historyKindRemoteAccess',
    data: object({
      tool: str(200),
      toolId: str(100),
      target: oneOf('download', 'page'),
      decision: oneOf(...REMOTE_ACCESS_DECISIONS),
      fileName: nullable(str(500)),
      mode: str(40),
      contextReasons: arrayOf(str(60), 10),
      flaggedUrl: nullable(str(2048)),
    }),
    describe: (data) => ({ key: `historyRemote_${data.decision}`, params: [data.tool] }),
  },
  'site-paused': {
    labelKey: 'historyKindSitePaused',
    data: object({ host: str(300) }),
    describe: () => null,
  },
  'site-resumed': {
    labelKey: 'historyKindSiteResumed',
    data: object({ host: str(300) }),
    describe: () => null,
  },
};

export const HISTORY_KIND_LIST = Object.keys(HISTORY_KINDS) as HistoryKind[];

const CATEGORIES: readonly EvidenceCategory[] = ['lock', 'alarm', 'trap', 'claim', 'brand', 'call', 'place', 'lure'];

const reason: Check<Reason> = object({
  key: str(100),
  params: arrayOf(str(300), 10),
  category: oneOf(...CATEGORIES),
  weight: num,
});

const common = object({
  id: str(100),
  time: num,
  url: str(4000),
  level: optional(oneOf('safe', 'suspicious', 'scam')),
  reasons: optional(arrayOf(reason, 50)),
  phoneNumbers: optional(arrayOf(str(60), 20)),
});

/** Checks one entry from storage or an import file; throws ValidationError when malformed. */
export function parseHistoryEntry(value: unknown, path = 'entry'): HistoryEntry {
  if (!isPlainObject(value)) throw new ValidationError(`${path}: expected an object`);
  const kind = value.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(HISTORY_KINDS, kind)) {
    throw new ValidationError(`${path}.kind: unknown history kind`);
  }
  const base: HistoryCommon = common(value, path);
  const spec = HISTORY_KINDS[kind as HistoryKind] as KindSpec<HistoryKind>;
  return { ...base, kind, data: spec.data(value.data, `${path}.data`) } as HistoryEntry;
}

export function describeEntry(entry: HistoryEntry): Described | null {
  const spec = HISTORY_KINDS[entry.kind] as KindSpec<HistoryKind>;
  return spec.describe(entry.data);
}

export function kindLabelKey(kind: HistoryKind): string {
  return HISTORY_KINDS[kind].labelKey;
}
