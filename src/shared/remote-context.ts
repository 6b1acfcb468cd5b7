// "Scam context" for the remote-access guard, as pure logic: has the user just
// seen a flagged page, was the download or page opened from one, or does the
// page in front of the user push a remote tool together with a phone number and
// support language? Plus the policy decision that follows.
import { hostIn, REMOTE_TOOLS } from './remote-tools';
import type { RemoteGuardMode } from './settings';
import { clipStoredUrl } from './storage-budget';
import type { VerdictLevel } from './verdict';

export interface FlaggedVisit {
  tabId: number;
  url: string;
  level: Exclude<VerdictLevel, 'safe'>;
  /** ms since the epoch */
  time: number;
}

/** Flagged visits are kept this long for the "opened from a flagged page" rule; the time window applies to the rest. */
export const FLAGGED_RETENTION_MS = 24 * 60 * 60 * 1000;
export const MAX_FLAGGED_VISITS = 100;

/**
 * Adds a visit, dropping expired ones and an older record of the same tab and URL; newest first.
 * Addresses are cut to STORED_URL_MAX_CHARS (the rules compare hosts): a page can make its own
 * address megabytes long, and 100 of those would fill the storage quota.
 */
export function addFlaggedVisit(visits: readonly FlaggedVisit[], visit: FlaggedVisit): FlaggedVisit[] {
  const added = { ...visit, url: clipStoredUrl(visit.url) };
  const kept = pruneFlaggedVisits(visits, visit.time)
    .map((old) => ({ ...old, url: clipStoredUrl(old.url) }))
    .filter((old) => !(old.tabId === added.tabId && old.url === added.url));
  return [added, ...kept].slice(0, MAX_FLAGGED_VISITS);
}

export function pruneFlaggedVisits(visits: readonly FlaggedVisit[], now: number): FlaggedVisit[] {
  return visits.filter((visit) => now - visit.time <= FLAGGED_RETENTION_MS && visit.time <= now + 60_000);
}

export type ContextReason = 'recent-flagged-page' | 'opened-from-flagged-page' | 'page-pushes-remote-tool';

export interface ContextInput {
  now: number;
  windowMinutes: number;
  flagged: readonly FlaggedVisit[];
  /** Where the download or page came from: the download's referrer, the opener tab's URL. */
  sourceUrls: readonly string[];
}

export interface ScamContext {
  reasons: ContextReason[];
  /** The flagged visit that put the user in scam context, if any. */
  visit: FlaggedVisit | null;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Evaluates the flagged-visit rules. A referrer is often cut to its origin by the
 * page's referrer policy, so "opened from" compares host names.
 */
export function scamContext(input: ContextInput): ScamContext {
  const windowMs = Math.max(0, input.windowMinutes) * 60_000;
  const live = pruneFlaggedVisits(input.flagged, input.now);
  const reasons: ContextReason[] = [];
  const sourceHosts = new Set(input.sourceUrls.map(hostOf).filter((host): host is string => host !== null));
  const source = live.find((visit) => sourceHosts.has(hostOf(visit.url) ?? ''));
  if (source) reasons.push('opened-from-flagged-page');
  const recent = live.find((visit) => input.now - visit.time <= windowMs);
  if (recent) reasons.push('recent-flagged-page');
  return { reasons, visit: source ?? recent ?? null };
}

export type RemoteGuardAction = 'allow' | 'warn' | 'block';

/** What the guard does with a recognised remote-tool download or session page. */
export function decideRemoteGuardAction(mode: RemoteGuardMode, inScamContext: boolean, allowUserOverride: boolean): RemoteGuardAction {
  if (mode === 'off') return 'allow';
  if (mode === 'block') return 'block';
  if (mode === 'scam-context' && !inScamContext) return 'allow';
  return allowUserOverride ? 'warn' : 'block';
}

export interface RemoteToolPitch {
  toolName: string;
  phone: string;
  supportTerm: string;
}

const SUPPORT_TERMS = [
  'tech support', 'technical support', 'customer support', 'support team', 'support center', 'support centre', 'helpline',
  'help desk', 'helpdesk', 'technician', 'toll free', 'toll-free', 'call us', 'call now', 'customer service', 'hotline',
  'サポートセンター', 'サポート窓口', 'サポート', '技術者', 'オペレーター', 'お電話', '電話', 'ヘルプデスク', '窓口', '遠隔操作', '遠隔サポート',
];

const MAX_TEXT = 100_000;
const PHONE_CANDIDATE = /\+?\(?\d[\d ().\-‐‑‒–—−]{7,22}\d/g;
const DOTTED_IP = /^\d{1,3}(\.\d{1,3}){3}$/;

function containsTerm(text: string, term: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(term)) return text.includes(term);
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const after = text[at + term.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}

export function findPhoneNumber(text: string): string | null {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 10 && digits <= 15 && !DOTTED_IP.test(candidate)) return candidate;
  }
  return null;
}

/**
 * Finds a page that names a remote-access tool together with a phone number and
 * support language ("call our technician at 1-888…, then install AnyDesk").
 * The tool vendor's own pages are never flagged.
 */
export function findRemoteToolPitch(pageText: string, pageUrl: string): RemoteToolPitch | null {
  const text = pageText.slice(0, MAX_TEXT).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  const host = hostOf(pageUrl) ?? '';
  const tool = REMOTE_TOOLS.find(
    (candidate) =>
      !hostIn(host, candidate.siteHosts) &&
      !hostIn(host, candidate.downloadHosts) &&
      candidate.mentions.some((mention) => containsTerm(text, mention)),
  );
  if (!tool) return null;
  const phone = findPhoneNumber(text);
  if (!phone) return null;
  const supportTerm = SUPPORT_TERMS.find((term) => containsTerm(text, term));
  return supportTerm ? { toolName: tool.name, phone, supportTerm } : null;
}
