// Page-world probe: runs at document_start in the page's MAIN world, before any
// page script, in every frame. It wraps the APIs fake-warning pages abuse and
// reports what the page does to the content script.
import { openChannel } from './channel';
import { watchFullscreen } from './fullscreen';

try {
  openChannel();
  watchFullscreen();
} catch {
  // A probe failure must never break the page.
}
