// Content script (isolated world): forwards the probe's events to the service
// worker and gathers the page's content for the detector.
import { sendMessage } from '../platform/messaging';
import { openOrClosedShadowRoot } from '../platform/shadow-dom';
import type { TextBlock } from '../shared/detection/content-evidence';
import { LOCK_SCREEN_KINDS, type ProbeEvent } from '../shared/probe-events';
import { listenForCommands, neutralisePage } from './commands';
import { type ContentWatcher, watchContent } from './content-watch';
import { watchEffects } from './effects';
import { createBatcher } from './event-batcher';
import { isEmptyEvidence } from './frame-report';
import { frameStarter } from './frame-start';
import { canAskForNotifications, guardNotifications, noteContentReply, permissionNow } from './notification-guard';
import { listenToProbe } from './probe-listener';

const FORWARD_DELAY_MS = 20;

function newDocId(): string {
  return crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

try {
  const docId = newDocId();
  const topFrame = window === window.top;
  // The top frame starts at once: the tab is reset before this document's events arrive.
  // In Firefox, same-origin frames too: it shows a notification prompt only inside the
  // user's click, so their notification requests must be answered from what they already
  // know (Chromium keeps the click's activation while the frame asks). Other frames (ads,
  // mostly) start with their first message, if any; a "continue anyway" tab's such frame
  // is then disarmed after its first act, not before.
  const notifications = canAskForNotifications();
  const eager = topFrame || (notifications && __BUILD_TARGET__ === 'firefox');
  const start = frameStarter(docId, notifications ? permissionNow() : undefined, (answer) => {
    if (answer.disarm) neutralisePage();
  });
  if (eager) void start();
  // Set once the watcher starts; the probe may report before that.
  const content: { watcher?: ContentWatcher } = {};
  // Registers the page's first beforeunload listener, so a neutralised page can never prompt.
  listenForCommands(() => content.watcher?.behaved());
  const batch = createBatcher((events) => {
    void start();
    sendMessage('probe-events', { events }).catch(() => {
      // The service worker may be restarting; the next batch carries on.
    });
  }, FORWARD_DELAY_MS);
  let canvasBlocks: TextBlock[] = [];
  // A refused full-screen request completes a verdict the service worker already foresaw: no reason to wait.
  const forward = (event: ProbeEvent) => {
    batch(event, event.kind === 'fullscreen-request' && event.refused === true);
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
  // A subframe with nothing to read yet (ads, trackers, blank frames) is not reported until it has.
  let reported = topFrame;
  let lastReport: Promise<void> = Promise.resolve();
  // After the forwarder: the detector hears of a request even when it is refused.
  if (notifications) {
    guardNotifications(() => {
      if (eager) return start().then((answer) => answer.notifications);
      // A frame that has not read its text yet reads it first: the answer depends on its lure text.
      content.watcher?.behaved();
      return Promise.all([start(), lastReport]).then(([answer]) => answer.notifications);
    }, eager);
  }
  // What a subframe shows matters only once the tab behaves like a lock screen: until then it
  // reads nothing (frames that start at once read at once, for their notification requests).
  content.watcher = watchContent((evidence) => {
    if (!reported && isEmptyEvidence(evidence)) return;
    reported = true;
    void start();
    lastReport = sendMessage('page-content', { docId, evidence }).then(noteContentReply, () => {});
  }, { extraBlocks: () => canvasBlocks, closedShadowRootOf: openOrClosedShadowRoot, onDocumentReplaced: () => effects.relisten(), lazy: !eager });
} catch {
  // Never break the page.
}
