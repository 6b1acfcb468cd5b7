// Showing a possibly hostile URL to a user: no markup (callers use textContent),
// no invisible or direction-changing characters, and long URLs shortened in the
// middle of the path so the host stays readable.

// Bidi controls, zero-width characters and other format characters can disguise a URL.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export interface DisplayUrl {
  /** Scheme + host (+ port), never elided. */
  origin: string;
  /** Path, query and fragment, elided in the middle when too long. */
  rest: string;
  /** The whole URL, elided, for a tooltip-free single line. */
  full: string;
}

export function elideMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return '…';
  const keepEnd = Math.floor((max - 1) / 3);
  const keepStart = max - 1 - keepEnd;
  return `${chars.slice(0, keepStart).join('')}…${chars.slice(chars.length - keepEnd).join('')}`;
}

/** Splits and shortens a URL for display; `max` bounds the length of `rest` and of a long host. */
export function displayUrl(url: string, max = 80): DisplayUrl {
  const clean = url.replace(INVISIBLE, '');
  let origin = '';
  let rest = clean;
  try {
    const parsed = new URL(clean);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      // URL.host is punycode for international names, which shows look-alike characters for what they are.
      origin = `${parsed.protocol}//${parsed.host}`;
      rest = parsed.pathname + parsed.search + parsed.hash;
    }
  } catch {
    // Not a URL: shown as plain, shortened text.
  }
  const shortOrigin = elideMiddle(origin, max);
  const shortRest = elideMiddle(rest, max);
  return { origin: shortOrigin, rest: shortRest, full: shortOrigin + shortRest };
}
