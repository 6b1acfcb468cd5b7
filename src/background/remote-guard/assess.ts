import { type ContextReason, decideRemoteGuardAction, findRemoteToolPitch, type RemoteGuardAction, scamContext } from '../../shared/remote-context';
import type { RemoteGuardMode } from '../../shared/settings';
import { getSettings } from '../settings/store';
import { readFlaggedVisits } from './context-store';
import { readSourcePage } from './page-text';

export interface Assessment {
  action: RemoteGuardAction;
  mode: RemoteGuardMode;
  reasons: ContextReason[];
  flaggedUrl: string | null;
}

/**
 * Whose text the "page pushes a remote tool" rule reads: the page at `url` (a
 * download's referrer, a session page's opener), else the tab in front of the
 * user; or none (a session page opened without an opener: the tab in front is
 * the vendor's own page).
 */
export type TextSource = { url: string | undefined } | 'none';

/**
 * Decides what to do with a recognised remote-tool download or session page:
 * scam context from flagged visits first (cheap), then, only in 'scam-context'
 * mode and only when nothing else applies, the text of the page it came from.
 */
export async function assessRemoteAccess(sourceUrls: string[], textSource: TextSource): Promise<Assessment> {
  const settings = await getSettings();
  const mode = settings.remoteGuardMode;
  if (mode === 'off') return { action: 'allow', mode, reasons: [], flaggedUrl: null };
  const now = Date.now();
  const context = scamContext({ now, windowMinutes: settings.remoteGuardWindowMinutes, flagged: await readFlaggedVisits(now), sourceUrls });
  let reasons = context.reasons;
  let flaggedUrl = context.visit?.url ?? null;
  if (reasons.length === 0 && mode === 'scam-context') {
    const page = textSource === 'none' ? null : await readSourcePage(textSource.url);
    if (page && findRemoteToolPitch(page.text, page.url)) {
      reasons = ['page-pushes-remote-tool'];
      flaggedUrl = page.url;
    }
  }
  return { action: decideRemoteGuardAction(mode, reasons.length > 0, settings.allowUserOverride), mode, reasons, flaggedUrl };
}
