import type { Settings } from '../../shared/settings';
import { matchesSiteList } from '../../shared/site-patterns';
import type { VerdictLevel } from '../../shared/verdict';

/**
 * What to do about a verdict:
 * - 'none': nothing (not a scam, protection off, or an allowed site);
 * - 'log': monitor mode, record only;
 * - 'neutralise': silence and unlock the page but keep it (the user chose "continue anyway" for it);
 * - 'warn': neutralise, keep the page, and open the warning page in a tab beside it;
 * - 'block': neutralise, then replace the page with the warning page.
 */
export type ProtectionAction = 'none' | 'log' | 'neutralise' | 'warn' | 'block';

export interface DecisionInput {
  settings: Pick<Settings, 'protectionEnabled' | 'mode' | 'allowList'>;
  url: string;
  level: VerdictLevel;
  /** The user pressed "continue anyway" for this URL in this tab. */
  continued: boolean;
}

export function decideAction({ settings, url, level, continued }: DecisionInput): ProtectionAction {
  if (!settings.protectionEnabled || level !== 'scam') return 'none';
  if (matchesSiteList(url, settings.allowList)) return 'none';
  if (settings.mode === 'monitor') return 'log';
  if (continued) return 'neutralise';
  return settings.mode === 'warn' ? 'warn' : 'block';
}

/** The same page for the purpose of a verdict: same origin (a history flood changes only the path). */
export function sameSite(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The key "continue anyway" is remembered under: the URL without its fragment. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The most recent page of another site in a tab's recent history, for "go back". */
export function lastSafeUrl(recent: readonly string[], blockedUrl: string): string | null {
  for (let i = recent.length - 1; i >= 0; i--) {
    const candidate = recent[i] as string;
    if (/^https?:/.test(candidate) && !sameSite(candidate, blockedUrl)) return candidate;
  }
  return null;
}
