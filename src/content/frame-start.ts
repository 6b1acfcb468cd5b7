// The frame's one start-up message ('frame-start'): registers the document with the
// service worker and brings back what the frame must know at once. One message instead
// of one per feature: every frame of every page pays for each.
import { sendMessage } from '../platform/messaging';
import type { FrameStart } from '../shared/messages/detection';
import type { PagePermission } from '../shared/messages/notifications';

const RETRY_MS = 100;

export function startFrame(docId: string, permission: PagePermission | undefined): Promise<FrameStart> {
  const payload = { docId, permission };
  return sendMessage('frame-start', payload).catch(
    // The service worker may be starting: once more (the service worker ignores a repeated hello).
    () => new Promise<FrameStart>((resolve, reject) => setTimeout(() => sendMessage('frame-start', payload).then(resolve, reject), RETRY_MS)),
  );
}
