import type { ProbeEvent } from '../probe-events';
import type { Verdict } from '../verdict';
import { parseProbeEvent } from '../probe-event-schema';
import { arrayOf, type Check, num, object } from '../validate';
import type { MessageSpec } from './spec';

const probeEvents: Check<ProbeEvent[]> = arrayOf((value, path) => parseProbeEvent(value, path), 100);

export const TAB_STATUS_MESSAGES = {
  /** Content script: behaviour the probe saw in this frame since the last report. */
  'probe-events': { from: 'content', payload: object({ events: probeEvents }) },
  /** Popup: the extension's state for one tab. */
  'get-tab-status': { from: 'extension-page', payload: object({ tabId: num }) },
} satisfies Record<string, MessageSpec<unknown>>;

export interface TabStatus {
  tabId: number;
  url: string | null;
  eventCounts: Record<string, number>;
  /** The current verdict for the tab's top-level page (SAFE_VERDICT until detection says otherwise). */
  verdict: Verdict;
}

export interface TabStatusResponses {
  'probe-events': { accepted: number };
  'get-tab-status': TabStatus;
}
