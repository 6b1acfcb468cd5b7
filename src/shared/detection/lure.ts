// Notification-lure text: an instruction to press the browser prompt's "Allow"
// button, presented as a gate. Shared by the detector (text signal 'lure') and the
// content script's notification guard, which must decide synchronously while the
// page is asking. Word lists and the reasoning: LURE_* in ./lexicon.ts.
import { LURE_ACTIONS, LURE_GATES, LURE_NOTIFY_WORDS } from './lexicon';
import { compileTerms } from './matcher';

const ACTION_RE = compileTerms(LURE_ACTIONS);
const GATE_RE = compileTerms(LURE_GATES, 'u');
const NOTIFY_RE = compileTerms(LURE_NOTIFY_WORDS, 'u');
// Pages write Click "Allow", 「許可」をクリック, [Allow]: the words matter, not the quotes.
const QUOTES = /["'`\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u300c-\u300f\u3010\u3011\u3014\u3015\uff3b\uff3d[\]()\uff08\uff09<>\uff1c\uff1e*]/g;
/** How far around the instruction (in characters) its purpose is looked for. */
const NEAR = 100;

/**
 * The lure instruction in one block of matchForm text (see normalize.ts), or null.
 * Examples: notif-en-redringofb-captcha ("Click Allow if you are not a robot");
 * not a lure: "To get notifications about new messages, click Allow".
 */
export function findLure(text: string): string | null {
  const plain = text.replace(QUOTES, '').replace(/\s+/g, ' ');
  ACTION_RE.lastIndex = 0;
  for (const match of plain.matchAll(ACTION_RE)) {
    const near = plain.slice(Math.max(0, match.index - NEAR), match.index + match[0].length + NEAR);
    if (GATE_RE.test(near) || !NOTIFY_RE.test(near)) return match[0];
  }
  return null;
}
