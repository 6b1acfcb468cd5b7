// The host part of allow-list entries the popup writes ("This page is not a
// scam", "Pause protection on this site"): exact hostnames. The enterprise
// settings may hold wider patterns ("*.example.com"); both forms match here.

export function siteHost(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function hostMatches(host: string, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  const entryHost = pattern.includes('://') ? siteHost(pattern) : pattern.split('/')[0];
  return host === entryHost;
}

export function isHostListed(host: string, list: readonly string[]): boolean {
  return list.some((entry) => hostMatches(host, entry));
}
