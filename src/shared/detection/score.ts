// The verdict: a pure function from plain evidence to {level, score, reasons}.
// It requires agreement: what the page DOES (lock, alarm, trap) must agree with
// what it SAYS (claim, brand, call). Content alone (an awareness article, a
// vendor's support page) or behaviour alone (a game, a video, an editor) is never
// a scam; when unsure the verdict stays safe.
import type { EvidenceCategory, Reason, Verdict, VerdictLevel } from '../verdict';
import { analyseContent, type ContentFindings } from './analyse';
import { addProbeEvents, type BehaviourSummary } from './behaviour';
import type { ContentEvidence } from './content-evidence';
import { behaviourReasons, contentReasons, placeReasons } from './reasons';
import { urlFacts } from './url-facts';

export interface Evidence {
  /** The tab's top-level address. */
  url: string;
  content: ContentFindings;
  behaviour: BehaviourSummary;
}

/** Each category's weight is capped, so one loud category cannot carry the verdict. */
const CATEGORY_CAP = 4;
/** Strength at which a behaviour category counts as really happening (beforeunload alone does not). */
const STRONG_BEHAVIOUR = 2;
const MAX_PHONES = 3;

export type CategoryWeights = Record<EvidenceCategory, number>;

export function categoryWeights(reasons: readonly Reason[]): CategoryWeights {
  const weights: CategoryWeights = { lock: 0, alarm: 0, trap: 0, claim: 0, brand: 0, call: 0, place: 0, lure: 0 };
  for (const r of reasons) weights[r.category] = Math.min(CATEGORY_CAP, weights[r.category] + r.weight);
  return weights;
}

export type RuleId =
  | 'behaviour+claim+brandOrCall'
  | 'behaviour+brand+call+claim'
  | 'twoBehaviours+claim'
  | 'notificationLure'
  | 'lockAlarmTrap'
  | 'behaviour+content'
  | 'content+place'
  | 'none';

/** The level from category weights, and which rule decided it: the rules in one place. */
export function decide(w: CategoryWeights): { level: VerdictLevel; rule: RuleId } {
  const strongBehaviour = (['lock', 'alarm', 'trap'] as const).filter((c) => w[c] >= STRONG_BEHAVIOUR).length;
  const claimStrong = w.claim >= 2;
  const brand = w.brand > 0;
  const call = w.call > 0;
  const callPushed = w.call >= 2;
  const contentKinds = [w.claim >= 1, brand, call].filter(Boolean).length;

  // Behaviour agrees with a scare story that names a brand or pushes a number
  // (ms-lock-*, apple-lock-*, adult-lock-*; benign: msdocs__support-scams-* have no behaviour).
  if (strongBehaviour >= 1 && claimStrong && (brand || callPushed)) return { level: 'scam', rule: 'behaviour+claim+brandOrCall' };
  // Behaviour agrees with a brand pushing a phone number and at least one claim.
  if (strongBehaviour >= 1 && brand && callPushed && w.claim >= 1) return { level: 'scam', rule: 'behaviour+brand+call+claim' };
  // Two kinds of hostile behaviour (e.g. lock + alarm) with a scare story, no brand needed
  // (avscan-en-vikram140-mcafee-2: alarm + history flood + fake scan; other-en-alexverboon-sim).
  if (strongBehaviour >= 2 && claimStrong) return { level: 'scam', rule: 'twoBehaviours+claim' };
  // A notification prompt with "click Allow to prove you are not a robot" (notif-en-redringofb-captcha;
  // benign: gchrome__notifications-*, mdn-dom__notifications-*).
  if (w.lure >= 3) return { level: 'scam', rule: 'notificationLure' };
  // Locked, alarmed AND trapped at once: a lock screen whatever it says. A kit can show its
  // whole story as images (nothing for the text rules to read); all three kinds of hostile
  // behaviour together are what no game, player or editor does (tests/fixtures/pages/evasion/
  // images-only.html, worker.html; benign: plyr__demo plays and goes full screen, no trap).
  // The lock must be the whole page or Esc captured (3): pointer lock alone is every shooter game.
  if (strongBehaviour >= 3 && w.lock >= 3) return { level: 'scam', rule: 'lockAlarmTrap' };

  if (strongBehaviour >= 1 && contentKinds >= 1 && (w.claim >= 1 || callPushed)) return { level: 'suspicious', rule: 'behaviour+content' };
  if (claimStrong && brand && callPushed && w.place > 0) return { level: 'suspicious', rule: 'content+place' };
  return { level: 'safe', rule: 'none' };
}

export interface Assessment {
  verdict: Verdict;
  /** Every reason found, also when the verdict stays silent (for tests and diagnostics). */
  reasons: Reason[];
  weights: CategoryWeights;
  rule: RuleId;
}

export function assess(evidence: Evidence): Assessment {
  const reasons = [
    ...behaviourReasons(evidence.behaviour),
    ...contentReasons(evidence.content, evidence.behaviour),
    ...placeReasons(urlFacts(evidence.url)),
  ].sort((a, b) => b.weight - a.weight);
  const weights = categoryWeights(reasons);
  const { level, rule } = decide(weights);
  const verdict: Verdict =
    level === 'safe'
      ? { level, score: total(weights), reasons: [], phoneNumbers: [] }
      : { level, score: total(weights), reasons, phoneNumbers: evidence.content.phones.slice(0, MAX_PHONES).map((phone) => phone.display) };
  return { verdict, reasons, weights, rule };
}

/** Scores the evidence gathered for one tab. Silent (no reasons) when safe. */
export function score(evidence: Evidence): Verdict {
  return assess(evidence).verdict;
}

function total(weights: CategoryWeights): number {
  return Math.round(Object.values(weights).reduce((sum, w) => sum + w, 0) * 10) / 10;
}

/**
 * Whether the page asking for whole-page full screen now would make the verdict a scam. Such a
 * request can then be refused outright instead of granted and taken back a moment later: the
 * verdict is the one the request would bring, only without the moment of full screen.
 */
export function fullscreenWouldMakeScam(evidence: Evidence): boolean {
  const { behaviour } = evidence;
  // Asked already: one more request adds nothing.
  if (behaviour.fullscreen.document > 0) return false;
  const asked = addProbeEvents({ ...behaviour, fullscreen: { ...behaviour.fullscreen } }, [
    { kind: 'fullscreen-request', target: 'document', userGesture: true, count: 1 },
  ]);
  return assess({ ...evidence, behaviour: asked }).verdict.level === 'scam';
}

/** Convenience for tests and the grid: frames + behaviour + URL to a verdict. */
export function detect(frames: readonly ContentEvidence[], behaviour: BehaviourSummary, url: string, browserLocale = 'en-US'): Verdict {
  return score({ url, content: analyseContent(frames, browserLocale), behaviour });
}
