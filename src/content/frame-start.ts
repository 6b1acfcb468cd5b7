// The frame's one start-up message ('frame-start'): registers the document with the
// service worker and brings back what the frame must know. One message instead of one
// per feature, and none at all from a frame that never has anything to say: every frame
// of every page pays for each.
import { sendMessage } from '../platform/messaging';
import type { FrameStart } from '../shared/messages/detection';
import type { PagePermission } from '../shared/messages/notifications';

const RETRY_MS = 100;

function send(docId: string, permission: PagePermission | undefined): Promise<FrameStart> {
  const payload = { docId, permission };
  return sendMessage('frame-start', payload).catch(
    // The service worker may be starting: once more (the service worker ignores a repeated hello).
    () => new Promise<FrameStart>((resolve, reject) => setTimeout(() => sendMessage('frame-start', payload).then(resolve, reject), RETRY_MS)),
  );
}

/**
 * Returns `start()`, which sends the frame's start message the first time it is called and
 * answers it every time. Call it before any other message of the frame, so a top frame's
 * document is registered first. `onAnswer` hears the answer once; a failed start is handled here,
 * so callers need not catch it.
 */
export function frameStarter(docId: string, permission: PagePermission | undefined, onAnswer: (answer: FrameStart) => void): () => Promise<FrameStart> {
  let started: Promise<FrameStart> | undefined;
  return () => {
    if (!started) {
      started = send(docId, permission);
      started.then(onAnswer, () => {});
    }
    return started;
  };
}
