// What the content script extracts from one frame: plain, size-capped data. The
// heavy analysis (lexicons, phone numbers) runs on it in the service worker, so
// the per-frame script stays small and fast.

/** Bits in TextBlock.flags. */
export const BLOCK_FLAGS = {
  /** Not rendered when gathered (display:none, hidden, zero size): kits reveal it on the first click. */
  hidden: 1,
  /** Inside a fixed-position layer (modal, overlay). */
  overlay: 2,
  /** Starts in the first screenful. */
  aboveFold: 4,
  /** A link, button or heading. */
  emphasis: 8,
} as const;

export interface TextBlock {
  /** Text of one block-level element; inline children joined without separators. */
  text: string;
  /** Font size in CSS pixels (0 when unknown, e.g. no layout). */
  px: number;
  flags: number;
}

export interface ContentEvidence {
  /** The frame's address. */
  url: string;
  /** `<html lang>` or '' */
  lang: string;
  title: string;
  blocks: TextBlock[];
  /** alt/title/aria-label/placeholder attributes and image/media file names. */
  attrs: string[];
  /** The four-coloured-squares logo colours all appear in the page's CSS. */
  cssLogo: boolean;
  /** Progress bars: <progress>, role=progressbar, elements named like progress bars. */
  progressBars: number;
  /** The gatherer stopped at a node, character or time cap. */
  truncated: boolean;
}

export const CONTENT_LIMITS = {
  blocks: 400,
  blockChars: 600,
  totalChars: 40_000,
  attrs: 200,
  attrChars: 200,
  titleChars: 300,
} as const;
