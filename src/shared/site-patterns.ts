// Allow-list / block-list entries. Matching is on the FULL hostname, never on a
// suffix: "example.com" does not match "evil-example.com" nor "a.example.com".
// A leading "*." opts in to subdomains. Scams live on throwaway subdomains of
// shared hosting, so a broad entry must be written deliberately.
//
// Grammar:  [scheme "://"] ["*."] hostname ["/" path]
//   scheme   http | https | *          (absent = http and https)
//   hostname DNS name (IDN allowed, stored as punycode) or IPv4 address
//   path     prefix of path+query; "*" matches any run of characters; non-ASCII characters
//            are stored percent-encoded, as they appear in addresses
// Examples: "support.example.com", "*.example.co.jp", "https://intranet.example/helpdesk/*"

export interface SitePattern {
  /** Normalised text of the pattern (what the settings store keeps). */
  text: string;
  scheme: 'http' | 'https' | '*';
  host: string;
  subdomains: boolean;
  /** Path pattern starting with "/", or null for any path. */
  path: string | null;
}

const PATTERN = /^(?:(https?|\*):\/\/)?(\*\.)?([^/*:?#@\s]+)(\/[^\s]*)?$/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const MAX_PATTERN_LENGTH = 500;

function normaliseHost(raw: string): string | null {
  let host: string;
  try {
    host = new URL(`http://${raw}/`).hostname;
  } catch {
    return null;
  }
  if (IPV4.test(host)) return host;
  const labels = host.split('.');
  if (labels.some((label) => !LABEL.test(label))) return null;
  return host;
}

/**
 * A path written with non-ASCII characters, as the browser writes it in a URL (UTF-8, percent-
 * encoded): "/サポート" is "/%E3%82%B5%E3%83%9D%E3%83%BC%E3%83%88" in every address it should
 * match. Undefined for text that is not valid Unicode (a lone surrogate).
 */
function percentEncodeNonAscii(path: string): string | undefined {
  try {
    return path.replace(/[^\p{ASCII}]+/gu, (run) => encodeURI(run));
  } catch {
    return undefined;
  }
}

/** Parses one list entry; returns null when it is not a valid pattern. */
export function parseSitePattern(input: string): SitePattern | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > MAX_PATTERN_LENGTH) return null;
  const match = PATTERN.exec(trimmed);
  if (!match) return null;
  const [, schemeText, wildcard, hostText = '', path] = match;
  const host = normaliseHost(hostText);
  if (!host) return null;
  const subdomains = wildcard !== undefined;
  // "*.com" would cover a whole top-level domain: never what an admin means.
  if (subdomains && (host.split('.').length < 2 || IPV4.test(host))) return null;
  const scheme = (schemeText?.toLowerCase() ?? '*') as SitePattern['scheme'];
  const asciiPath = path === undefined ? null : percentEncodeNonAscii(path);
  if (asciiPath === undefined) return null;
  const text = `${schemeText ? `${scheme}://` : ''}${subdomains ? '*.' : ''}${host}${asciiPath ?? ''}`;
  // Checked again once encoded: a stored pattern is ASCII and at most this long (storage budget).
  if (text.length > MAX_PATTERN_LENGTH) return null;
  return { text, scheme, host, subdomains, path: asciiPath };
}

function globMatches(glob: string, value: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return value.startsWith(glob);
  let position = 0;
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!value.startsWith(part)) return false;
      position = part.length;
      continue;
    }
    const found = value.indexOf(part, position);
    if (found < 0) return false;
    position = found + part.length;
  }
  return true;
}

export function matchesSitePattern(url: URL, pattern: SitePattern): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (pattern.scheme !== '*' && pattern.scheme !== scheme) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const hostMatches = host === pattern.host || (pattern.subdomains && host.endsWith(`.${pattern.host}`));
  if (!hostMatches) return false;
  return pattern.path === null || globMatches(pattern.path, url.pathname + url.search);
}

/** The first entry of `list` (settings text) that matches `url`, or null. Invalid entries are skipped. */
export function findMatchingPattern(url: string | URL, list: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const entry of list) {
    const pattern = parseSitePattern(entry);
    if (pattern && matchesSitePattern(parsed, pattern)) return entry;
  }
  return null;
}

/** True when `url` is covered by one of the entries (same name as the warning work's helper, for an easy merge). */
export function matchesSiteList(url: string, entries: readonly string[]): boolean {
  return findMatchingPattern(url, entries) !== null;
}

/** Lower-cased hostname of an http(s) URL without a trailing dot, or null. */
export function hostOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}
