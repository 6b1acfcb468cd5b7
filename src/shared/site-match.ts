// Matching a page URL against the user's and the administrator's site lists.
// An entry is a hostname ("example.com", also written "*.example.com" or with a
// scheme/port/path, which are ignored) that matches the host itself and every
// subdomain, or a URL prefix when it has a path ("https://example.com/promo/").

/** Lower-cased hostname without a trailing dot, or null for a string that has none. */
export function hostOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

interface ParsedEntry {
  host: string;
  /** Set when the entry names a path: the URL must start with it (same host). */
  pathPrefix: string | null;
}

export function parseSiteEntry(entry: string): ParsedEntry | null {
  let text = entry.trim().toLowerCase();
  if (!text) return null;
  text = text.replace(/^\*\./, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/\.$/, '');
  // "com" or "localhost"-like single labels are accepted only as exact names, never as suffixes of others (see below).
  if (!host || host.includes('*')) return null;
  const path = parsed.pathname + parsed.search;
  return { host, pathPrefix: path && path !== '/' ? path : null };
}

function hostMatches(host: string, entryHost: string): boolean {
  if (host === entryHost) return true;
  // An IP address or a single label ("com") never matches as a suffix.
  if (!entryHost.includes('.') || /^[\d.]+$/.test(entryHost) || entryHost.startsWith('[')) return false;
  return host.endsWith(`.${entryHost}`);
}

/** True when `url` is covered by one of the entries. */
export function matchesSiteList(url: string, entries: readonly string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  let pathAndQuery = '';
  try {
    const parsed = new URL(url);
    pathAndQuery = (parsed.pathname + parsed.search).toLowerCase();
  } catch {
    return false;
  }
  return entries.some((raw) => {
    const entry = parseSiteEntry(raw);
    if (!entry) return false;
    if (entry.pathPrefix) return host === entry.host && pathAndQuery.startsWith(entry.pathPrefix);
    return hostMatches(host, entry.host);
  });
}
