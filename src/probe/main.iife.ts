// Page-world probe: runs at document_start in the page's MAIN world, before any
// page script, in every frame. It wraps the APIs fake-warning pages abuse, reports
// what the page does to the content script, and neutralises them on 'disarm'.
import { onCommand, openChannel, report } from './channel';
import { watchAudio } from './audio';
import { watchCanvasText } from './canvas';
import { watchCursor } from './cursor';
import { watchDialogs } from './dialogs';
import { disarm } from './disarm';
import { refuseWholePageFullscreen, watchLocks } from './fullscreen';
import { watchHistory } from './history';
import { watchMedia } from './media';
import { watchNotifications } from './notifications';
import { watchReopen } from './reopen';
import { watchSwallowing } from './swallow';
import { watchUnload } from './unload';

// Each watcher on its own: a browser lacking one API must not cost the others.
for (const watch of [
  openChannel,
  watchLocks,
  watchCursor,
  watchMedia,
  watchAudio,
  watchHistory,
  watchDialogs,
  watchUnload,
  watchSwallowing,
  watchNotifications,
  watchCanvasText,
  watchReopen,
]) {
  try {
    watch();
  } catch {
    // A probe failure must never break the page.
  }
}

// Disarming again re-applies every step (e.g. pauses media started meanwhile).
onCommand('disarm', () => {
  disarm();
  report({ kind: 'disarmed' });
});
onCommand('refuse-fullscreen', (command) => {
  if (command.command === 'refuse-fullscreen') refuseWholePageFullscreen(command.refuse);
});
