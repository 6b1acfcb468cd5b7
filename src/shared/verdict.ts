// The detector's output. Reasons are i18n message keys with parameters, so the
// warning page and popup can explain the verdict in the user's language.

export type VerdictLevel = 'safe' | 'suspicious' | 'scam';

export type EvidenceCategory = 'lock' | 'alarm' | 'trap' | 'claim' | 'brand' | 'call' | 'place' | 'lure';

export interface Reason {
  /** Message key in _locales, e.g. 'reasonFullscreenDocument'. */
  key: string;
  /** Substitutions for the message ($1, $2…): a brand, a phone number, a count. */
  params: string[];
  category: EvidenceCategory;
  weight: number;
}

export interface Verdict {
  level: VerdictLevel;
  score: number;
  reasons: Reason[];
  /** Phone numbers the page pushes, formatted for display ("do not call"). */
  phoneNumbers: string[];
}

export const SAFE_VERDICT: Verdict = { level: 'safe', score: 0, reasons: [], phoneNumbers: [] };

const ORDER: Record<VerdictLevel, number> = { safe: 0, suspicious: 1, scam: 2 };

export function higherLevel(a: VerdictLevel, b: VerdictLevel): VerdictLevel {
  return ORDER[a] >= ORDER[b] ? a : b;
}
