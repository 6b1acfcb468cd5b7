// Content script (isolated world): forwards the probe's events to the service
// worker and gathers the page's content for the detector.
import { sendMessage } from '../platform/messaging';
import { openOrClosedShadowRoot } from '../platform/shadow-dom';
import type { TextBlock } from '../shared/detection/content-evidence';
import type { ProbeEvent, ProbeEventKind } from '../shared/probe-events';
import { listenForCommands, neutralisePage } from './commands';
import { type ContentWatcher, watchContent } from './content-watch';
import { watchEffects } from './effects';
import { createBatcher } from './event-batcher';
import { isEmptyEvidence } from './frame-report';
import { frameStarter } from './frame-start';
import { canAskForNotifications, guardNotifications, noteContentReply, permissionNow } from './notification-guard';
import { listenToProbe } from './probe-listener';

const FORWARD_DELAY_MS = 20;
/** What a lock screen does: each earns the page another look at its content. */
const LOCK_SCREEN_KINDS = new Set<ProbeEventKind>([
  'fullscreen-request', 'keyboard-lock', 'pointer-lock', 'audio-loop', 'oscillator', 'speech', 'dialog', 'history-push', 'window-open',
]);

function newDocId(): string {
  return crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

try {
  const docId = newDocId();
  const topFrame = window === window.top;
  // The top frame and same-origin frames start at once: the tab is reset before this
  // document's events arrive, and notification requests are answered while the page's call
  // waits. Cross-origin frames (mostly ads) start with their first message, if any; a
  // "continue anyway" tab's such frame is then disarmed after its first act, not before.
  const notifications = canAskForNotifications();
  const start = frameStarter(docId, notifications ? permissionNow() : undefined, (answer) => {
    if (answer.disarm) neutralisePage();
  });
  if (notifications) void start();
  // Registers the page's first beforeunload listener, so a neutralised page can never prompt.
  listenForCommands();
  const batch = createBatcher((events) => {
    void start();
    sendMessage('probe-events', { events }).catch(() => {
      // The service worker may be restarting; the next batch carries on.
    });
  }, FORWARD_DELAY_MS);
  // Set once the watcher starts; the probe may report before that.
  const content: { watcher?: ContentWatcher } = {};
  let canvasBlocks: TextBlock[] = [];
  const forward = (event: ProbeEvent) => {
    batch(event);
    if (LOCK_SCREEN_KINDS.has(event.kind)) content.watcher?.behaved();
  };
  const effects = watchEffects(forward);
  listenToProbe((event) => {
    if (event.kind === 'canvas-text') {
      // Page text drawn on canvases: read with the DOM's text, not sent on as behaviour.
      canvasBlocks = event.lines.map((line) => ({ text: line.text, px: line.px, flags: 0 }));
      content.watcher?.changed();
      return;
    }
    effects.probeSaw(event);
    forward(event);
  });
  // After the forwarder: the detector hears of a request even when it is refused.
  if (notifications) guardNotifications(start().then((answer) => answer.notifications));
  // A subframe with nothing to read yet (ads, trackers, blank frames) is not reported until it has.
  let reported = topFrame;
  content.watcher = watchContent((evidence) => {
    if (!reported && isEmptyEvidence(evidence)) return;
    reported = true;
    void start();
    sendMessage('page-content', { docId, evidence }).then(noteContentReply, () => {});
  }, { extraBlocks: () => canvasBlocks, closedShadowRootOf: openOrClosedShadowRoot, onDocumentReplaced: () => effects.relisten() });
} catch {
  // Never break the page.
}
