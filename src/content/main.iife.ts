// Content script (isolated world): receives the probe's events and forwards them
// to the service worker.
import { sendMessage } from '../platform/messaging';
import { listenForCommands } from './commands';
import { createBatcher } from './event-batcher';
import { listenToProbe } from './probe-listener';

const FORWARD_DELAY_MS = 20;

try {
  const forward = createBatcher((events) => {
    sendMessage('probe-events', { events }).catch(() => {
      // The service worker may be restarting; the next batch carries on.
    });
  }, FORWARD_DELAY_MS);
  listenToProbe(forward);
  listenForCommands();
} catch {
  // Never break the page.
}
