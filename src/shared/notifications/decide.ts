// What to do with a notification-permission request, decided synchronously in
// the content script while the page's call waits (Firefox shows its prompt only
// inside the user's click). Pure: every fact is passed in.
import type { VerdictLevel } from '../verdict';

/** Why a request was refused. Message keys: notificationsReason_<reason>. */
export type NotificationReason =
  | 'scam-page'
  | 'suspicious-page'
  | 'lure-text'
  | 'lure-arrow'
  | 'no-gesture'
  | 'repeated'
  | 'site-blocked';

export const NOTIFICATION_REASONS: readonly NotificationReason[] = [
  'scam-page',
  'suspicious-page',
  'lure-text',
  'lure-arrow',
  'no-gesture',
  'repeated',
  'site-blocked',
];

/** What the service worker tells a frame when it starts (in the answer to 'frame-start'). */
export interface NotificationContext {
  /** Protection on, notification protection on, and the site not allow-listed. */
  protect: boolean;
  /** Policy/user mode 'monitor': record what would be refused, refuse nothing. */
  monitor: boolean;
  /** The user (options page) or an earlier refusal blocked this site. */
  blocked: boolean;
  /** The tab's verdict when it is about this site (or the user chose "continue anyway" on a scam). */
  level: VerdictLevel;
  /** Requests from this site the extension refused lately (in other documents). */
  recentRefusals: number;
}

export interface RequestFacts {
  level: VerdictLevel;
  /** The frame's text tells the visitor to click "Allow" as a gate (see detection/lure.ts). */
  lure: boolean;
  /** A big arrow near the top of the page, where the browser's prompt appears. */
  arrow: boolean;
  userGesture: boolean;
  /** Earlier requests in this document that were let through to the browser's prompt. */
  promptsThisDocument: number;
}

export interface RequestDecision {
  decision: 'deny' | 'allow-prompt';
  reasons: NotificationReason[];
  /** Block the site from now on (Chrome: its notification content setting; both: this extension). */
  block: boolean;
  /** Monitor mode: reasons were found but nothing was refused. */
  monitored: boolean;
}

/** Refusals elsewhere, or prompts shown in this document, after which asking again is pestering. */
export const REPEAT_LIMIT = 2;

const ALLOW: RequestDecision = { decision: 'allow-prompt', reasons: [], block: false, monitored: false };

/**
 * Refuses a request on a flagged page, with lure text or a prompt arrow, without a user
 * gesture, or asked again and again; otherwise the browser prompts as usual (a chat
 * app asking after a click). All but 'no-gesture' also block the site: Firefox itself
 * refuses prompts without a gesture, and a news site asking on load is not a scam.
 */
export function decideRequest(context: NotificationContext, facts: RequestFacts): RequestDecision {
  if (!context.protect) return ALLOW;
  const reasons: NotificationReason[] = [];
  const level = context.level === 'scam' || facts.level === 'scam' ? 'scam' : context.level === 'suspicious' || facts.level === 'suspicious' ? 'suspicious' : 'safe';
  if (context.blocked) reasons.push('site-blocked');
  if (level === 'scam') reasons.push('scam-page');
  if (level === 'suspicious') reasons.push('suspicious-page');
  if (facts.lure) reasons.push('lure-text');
  if (facts.arrow) reasons.push('lure-arrow');
  // A user clicking the site's own "turn on notifications" button is not pestering, unless
  // the prompt was already dismissed twice in this document.
  const pestering = facts.promptsThisDocument >= REPEAT_LIMIT || (!facts.userGesture && context.recentRefusals >= REPEAT_LIMIT);
  if (pestering) reasons.push('repeated');
  if (!facts.userGesture) reasons.push('no-gesture');
  if (!reasons.length) return ALLOW;
  const block = reasons.some((reason) => reason !== 'no-gesture' && reason !== 'site-blocked');
  if (context.monitor) return { decision: 'allow-prompt', reasons, block: false, monitored: true };
  return { decision: 'deny', reasons, block, monitored: false };
}
