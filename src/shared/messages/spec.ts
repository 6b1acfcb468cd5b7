import type { Check } from '../validate';

/** Who may send a message: content scripts in web pages (untrusted) or our own extension pages. */
export type SenderTier = 'content' | 'extension-page';

export interface MessageSpec<P> {
  from: SenderTier;
  payload: Check<P>;
}
