// document.open() (also implied by document.write() once the page has loaded) removes every
// event listener of the window and the document, the probe's too: a kit could rewrite
// itself to shake off the media, unload, key and full-screen watchers. They are added
// again right after.
import { doc, getter, relisten } from './safe';
import { wrapMethod } from './wrap';

const readyState = getter<string>(Document.prototype, 'readyState');

export function watchReopen(): void {
  wrapMethod(Document.prototype, 'open', () => {}, (self) => self === doc && relisten());
  for (const name of ['write', 'writeln']) {
    // While the page is being parsed, write() inserts text and removes nothing.
    let implicitOpen = false;
    wrapMethod(
      Document.prototype,
      name,
      (self) => void (implicitOpen = self === doc && readyState(doc) !== 'loading'),
      () => implicitOpen && relisten(),
    );
  }
}
