import type { ContentEvidence } from '../shared/detection/content-evidence';

/** Fields that say where the evidence comes from, not what the page shows. */
const ABOUT_THE_FRAME = new Set(['url', 'lang', 'truncated']);

/**
 * Evidence the detector can find nothing in. Looks at every field but the frame's own
 * facts, so a kind of evidence added later counts without a change here.
 */
export function isEmptyEvidence(evidence: ContentEvidence): boolean {
  return Object.entries(evidence).every(([key, value]) => ABOUT_THE_FRAME.has(key) || !value || (Array.isArray(value) && value.length === 0));
}
