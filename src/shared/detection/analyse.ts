// Reads the content evidence of every frame of a tab into content findings:
// text signals (claims, brands, scans…) and the phone numbers with how hard the
// page pushes them.
import type { CountryCode } from 'libphonenumber-js/max';
import { BLOCK_FLAGS, type ContentEvidence } from './content-evidence';
import { CALL_WORDS } from './lexicon';
import { compileTerms, findTerms } from './matcher';
import { cleanText, matchForm } from './normalize';
import { findPhones, regionsFor } from './phones';
import { emptySignals, readSignals, type TextSignals } from './text-signals';

export interface PhoneFinding {
  e164: string;
  display: string;
  tollFree: boolean;
  /** Number of text blocks showing it. */
  count: number;
  /** Large, in an overlay, in a link/button/heading, or repeated. */
  prominent: boolean;
  /** "Call", "電話", "appelez"… in the same or a neighbouring block. */
  callWords: boolean;
}

export interface ContentFindings {
  signals: TextSignals;
  cssLogo: boolean;
  progressBars: number;
  phones: PhoneFinding[];
}

const CALL_RE = compileTerms(CALL_WORDS);
const LARGE_PX = 20;
/**
 * Phone findings kept per frame and per tab, the most pushed first. Three are shown; the rest
 * only rank them. Kept in storage.session per frame: a page listing 400 numbers in 16 frames
 * made a tab's state 360 KB before this cap.
 */
export const MAX_PHONES_KEPT = 20;

interface FlatBlock {
  text: string;
  match: string;
  px: number;
  flags: number;
}

// A run of tiny digit-only blocks ("1", "8", "00", …: one digit per <div>) is one number.
const DIGIT_PIECE = /^[+(]?[\d\s().-]{1,5}$/;

function joinDigitRuns(blocks: FlatBlock[]): FlatBlock[] {
  const out: FlatBlock[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (previous && DIGIT_PIECE.test(block.text) && /^[+(]?[\d\s().-]+$/.test(previous.text) && previous.text.length < 24) {
      previous.text += block.text;
      previous.match += block.match;
      previous.px = Math.max(previous.px, block.px);
      previous.flags |= block.flags;
    } else {
      out.push({ ...block });
    }
  }
  return out;
}

function flatten(frames: readonly ContentEvidence[]): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  for (const frame of frames) {
    if (frame.title) blocks.push({ text: cleanText(frame.title), match: matchForm(frame.title), px: 0, flags: BLOCK_FLAGS.emphasis });
    for (const block of frame.blocks) blocks.push({ text: cleanText(block.text), match: matchForm(block.text), px: block.px, flags: block.flags });
    // Attributes read like text too (a kit can put the whole warning in alt/title); file names lose their separators.
    for (const attr of frame.attrs) {
      const readable = attr.replace(/[_\-./]+/g, ' ');
      blocks.push({ text: cleanText(attr), match: matchForm(readable), px: 0, flags: 0 });
    }
  }
  return blocks;
}

export function analyseContent(frames: readonly ContentEvidence[], browserLocale: string): ContentFindings {
  const signals = emptySignals();
  const blocks = joinDigitRuns(flatten(frames));
  for (const block of blocks) readSignals(block.match, signals);

  const pageLang = frames.find((frame) => frame.lang)?.lang ?? '';
  const regions: CountryCode[] = regionsFor(pageLang, browserLocale);
  const byNumber = new Map<string, PhoneFinding>();
  for (const hit of findPhones(blocks.map((block) => block.text), regions)) {
    const block = blocks[hit.source];
    if (!block) continue;
    const near = [blocks[hit.source - 1], block, blocks[hit.source + 1]].map((b) => b?.match ?? '').join(' ');
    const finding = byNumber.get(hit.e164) ?? { e164: hit.e164, display: hit.display, tollFree: hit.tollFree, count: 0, prominent: false, callWords: false };
    finding.count++;
    finding.prominent ||=
      block.px >= LARGE_PX || (block.flags & (BLOCK_FLAGS.overlay | BLOCK_FLAGS.emphasis)) !== 0 || finding.count >= 2;
    finding.callWords ||= findTerms(CALL_RE, near, 1).length > 0;
    byNumber.set(hit.e164, finding);
  }
  const phones = [...byNumber.values()].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_PHONES_KEPT);
  return {
    signals,
    cssLogo: frames.some((frame) => frame.cssLogo),
    progressBars: frames.reduce((sum, frame) => sum + frame.progressBars, 0),
    phones,
  };
}

function rank(phone: PhoneFinding): number {
  return phone.count + (phone.prominent ? 5 : 0) + (phone.callWords ? 5 : 0) + (phone.tollFree ? 2 : 0);
}

/** Joins the findings of several frames (each analysed once, when its content arrives). */
export function mergeFindings(all: readonly ContentFindings[]): ContentFindings {
  const signals = emptySignals();
  const phones = new Map<string, PhoneFinding>();
  let cssLogo = false;
  let progressBars = 0;
  for (const findings of all) {
    const s = findings.signals;
    for (const [concept, phrase] of Object.entries(s.claims)) signals.claims[concept as keyof TextSignals['claims']] ??= phrase;
    for (const brand of s.brands) if (!signals.brands.includes(brand)) signals.brands.push(brand);
    for (const name of s.malwareNames) if (!signals.malwareNames.includes(name) && signals.malwareNames.length < 5) signals.malwareNames.push(name);
    signals.scan ||= s.scan;
    signals.errorCode ??= s.errorCode;
    signals.countdown ||= s.countdown;
    signals.ipShown ??= s.ipShown;
    signals.lure ||= s.lure;
    cssLogo ||= findings.cssLogo;
    progressBars += findings.progressBars;
    for (const phone of findings.phones) {
      const known = phones.get(phone.e164);
      phones.set(
        phone.e164,
        known
          ? { ...known, count: known.count + phone.count, prominent: known.prominent || phone.prominent, callWords: known.callWords || phone.callWords }
          : { ...phone },
      );
    }
  }
  return { signals, cssLogo, progressBars, phones: [...phones.values()].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_PHONES_KEPT) };
}
