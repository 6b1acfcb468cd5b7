import { isBlockId } from '../block-id';
import type { ProtectionMode, SupportContact } from '../settings';
import { type Check, object, oneOf, ValidationError } from '../validate';
import type { Verdict } from '../verdict';
import type { MessageSpec } from './spec';

const blockId: Check<string> = (value, path) => {
  if (!isBlockId(value)) throw new ValidationError(`${path}: expected a block id`);
  return value;
};

const withBlock = object({ blockId });

export const PROTECTION_MESSAGES = {
  /** Warning page: what was blocked in its tab. Only the tab the block id was issued for gets an answer. */
  'protection-get-block': { from: 'extension-page', payload: withBlock },
  /** Warning page: leave the blocked page, back to the last safe page or by closing the tab. */
  'protection-leave': { from: 'extension-page', payload: object({ blockId, to: oneOf('back', 'close') }) },
  /** Warning page: load the blocked page anyway, for that URL in that tab only, neutralised. */
  'protection-continue': { from: 'extension-page', payload: withBlock },
  /** Warning page: "this is not a scam": allow the site from now on and load the page. */
  'protection-allow-site': { from: 'extension-page', payload: withBlock },
} satisfies Record<string, MessageSpec<unknown>>;

/** What the warning page shows about one blocked page. */
export interface BlockView {
  url: string;
  verdict: Verdict;
  /** JPEG data URL of the page as it looked when blocked, or null when it could not be captured. */
  thumbnail: string | null;
  /** A page from another site this tab showed before, for "go back". */
  canGoBack: boolean;
  /** Settings allow "continue anyway" and "this is not a scam". */
  allowOverride: boolean;
  /** Settings allow user reports (the report button shows only when the report feature is built in too). */
  allowReports: boolean;
  /** 'block': this page replaced the blocked one; 'warn': the blocked page stays open in its own tab. */
  mode: Extract<ProtectionMode, 'block' | 'warn'>;
  blockedAt: number;
  /** The organisation's helpdesk (policy), the one number the user should call. */
  supportContact: SupportContact | null;
}

export interface ProtectionResponses {
  'protection-get-block': BlockView;
  'protection-leave': { done: true };
  'protection-continue': { done: true };
  'protection-allow-site': { done: true };
}

// Background → content script commands (tabs.sendMessage). Only our extension can
// send these: web pages have no way to reach a content script's runtime.onMessage.
export const PROTECTION_COMMAND_TYPE = 'fwb-protection-command';

export type ProtectionCommand = { type: typeof PROTECTION_COMMAND_TYPE; command: 'neutralise' };

export function isProtectionCommand(value: unknown): value is ProtectionCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).type === PROTECTION_COMMAND_TYPE &&
    (value as Record<string, unknown>).command === 'neutralise'
  );
}
