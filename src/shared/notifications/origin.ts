// Sites are notification permissions' unit: an origin (scheme, host, port).

// The URL parser lets "*" and other odd characters through in host names; an origin here
// becomes a content-setting pattern, where "*" is a wildcard. DNS names, IPv4 and [IPv6] only.
const PLAIN_HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;

/** The http(s) origin of a URL with a plain host name, or null for anything else. */
export function webOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return PLAIN_HOST.test(parsed.hostname) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The Chrome content-setting pattern matching exactly this origin: its scheme, host
 * and port (a pattern without a port matches every port), never a wildcard.
 */
export function originPattern(origin: string): string {
  if (webOrigin(origin) !== origin) throw new Error(`not a plain web origin: ${origin}`);
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}/*`;
}
