// Content script (isolated world): forwards the probe's events to the service
// worker and gathers the page's content for the detector.
import { sendMessage } from '../platform/messaging';
import { listenForCommands } from './commands';
import { watchContent } from './content-watch';
import { createBatcher } from './event-batcher';
import { isEmptyEvidence } from './frame-report';
import { guardNotifications, noteContentReply } from './notification-guard';
import { listenToProbe } from './probe-listener';

const FORWARD_DELAY_MS = 20;

function newDocId(): string {
  return crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

try {
  const docId = newDocId();
  const topFrame = window === window.top;
  // First, so the service worker resets the tab before this document's events arrive.
  // Only a top frame's hello means anything to it; subframes save the message.
  if (topFrame) sendMessage('page-hello', { docId }).catch(() => {});
  // Registers the page's first beforeunload listener, so a neutralised page can never prompt.
  listenForCommands();
  const forward = createBatcher((events) => {
    sendMessage('probe-events', { events }).catch(() => {
      // The service worker may be restarting; the next batch carries on.
    });
  }, FORWARD_DELAY_MS);
  listenToProbe(forward);
  // After the forwarder: the detector hears of a request even when it is refused.
  guardNotifications();
  // A subframe with nothing to read yet (ads, trackers, blank frames) is not reported until it has.
  let reported = topFrame;
  watchContent((evidence) => {
    if (!reported && isEmptyEvidence(evidence)) return;
    reported = true;
    sendMessage('page-content', { docId, evidence }).then(noteContentReply, () => {});
  });
} catch {
  // Never break the page.
}
