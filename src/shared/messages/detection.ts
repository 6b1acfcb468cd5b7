import { BLOCK_FLAGS, type ContentEvidence, CONTENT_LIMITS } from '../detection/content-evidence';
import type { NotificationContext } from '../notifications/decide';
import { arrayOf, bool, type Check, num, object, optional, str, ValidationError } from '../validate';
import { pagePermission } from './notifications';
import type { MessageSpec } from './spec';

const MAX_FLAGS = Object.values(BLOCK_FLAGS).reduce((all, bit) => all | bit, 0);

const block = object({
  text: str(CONTENT_LIMITS.blockChars),
  px: (value, path) => Math.min(1000, Math.max(0, num(value, path))),
  flags: (value, path) => num(value, path) & MAX_FLAGS,
});

/** Content evidence from an untrusted page: every field typed, every size capped. */
export const contentEvidence: Check<ContentEvidence> = (value, path) => {
  const evidence = object({
    url: str(2000),
    lang: str(20),
    title: str(CONTENT_LIMITS.titleChars),
    blocks: arrayOf(block, CONTENT_LIMITS.blocks),
    attrs: arrayOf(str(CONTENT_LIMITS.attrChars), CONTENT_LIMITS.attrs),
    cssLogo: bool,
    progressBars: (v, p) => Math.min(1000, Math.max(0, num(v, p))),
    truncated: bool,
  })(value, path);
  const chars = evidence.blocks.reduce((sum, b) => sum + b.text.length, 0);
  if (chars > CONTENT_LIMITS.totalChars) throw new ValidationError(`${path}.blocks: more than ${CONTENT_LIMITS.totalChars} characters`);
  return evidence;
};

const docId: Check<string> = (value, path) => {
  const id = str(40)(value, path);
  if (!/^[a-z0-9-]{8,40}$/i.test(id)) throw new ValidationError(`${path}: malformed document id`);
  return id;
};

export const DETECTION_MESSAGES = {
  /**
   * Content script, at document start, the one message every frame sends then: a new document
   * in this frame (the top frame's resets the tab). The answer brings what the frame must know
   * at once. `permission` (the site's notification permission) only from frames that can ask
   * for one; they get the notification context back.
   */
  'frame-start': { from: 'content', payload: object({ docId, permission: optional(pagePermission) }) },
  /** Content script: what this frame shows, gathered again when the page changes. */
  'page-content': { from: 'content', payload: object({ docId, evidence: contentEvidence }) },
} satisfies Record<string, MessageSpec<unknown>>;

export interface FrameStart {
  /** Disarm this frame at once: the user chose "continue anyway" for the tab's page. */
  disarm: boolean;
  /** How to judge this frame's notification requests; null when not asked for (or unavailable). */
  notifications: NotificationContext | null;
}

export interface DetectionResponses {
  'frame-start': FrameStart;
  /** The tab's verdict level, and whether this frame's text is a notification lure (the notification guard uses both). */
  'page-content': { level: 'safe' | 'suspicious' | 'scam'; lure: boolean };
}

export const CONTENT_COMMAND_TYPE = 'fwb-content-command';

/** Service worker to every frame of a tab that behaved like a lock screen: read what you show now, and keep watching. */
export type LookCommand = { type: typeof CONTENT_COMMAND_TYPE; command: 'look' };

export const LOOK_COMMAND: LookCommand = { type: CONTENT_COMMAND_TYPE, command: 'look' };

/** The fields of a content command named `command`, or undefined for anything else. */
function contentCommand(value: unknown, command: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  return fields.type === CONTENT_COMMAND_TYPE && fields.command === command ? fields : undefined;
}

export function isLookCommand(value: unknown): value is LookCommand {
  return contentCommand(value, 'look') !== undefined;
}

/**
 * Service worker to every frame of a tab: a whole-page full-screen request would now make the
 * page a scam, so refuse one outright (`refuse`), or no longer (the page's text changed).
 */
export type RefuseFullscreenCommand = { type: typeof CONTENT_COMMAND_TYPE; command: 'refuse-fullscreen'; refuse: boolean };

export const refuseFullscreenCommand = (refuse: boolean): RefuseFullscreenCommand => ({ type: CONTENT_COMMAND_TYPE, command: 'refuse-fullscreen', refuse });

export function isRefuseFullscreenCommand(value: unknown): value is RefuseFullscreenCommand {
  return typeof contentCommand(value, 'refuse-fullscreen')?.refuse === 'boolean';
}
