// Sites are notification permissions' unit: an origin (scheme, host, port).

/** The http(s) origin of a URL, or null for anything else. */
export function webOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The Chrome content-setting pattern matching exactly this origin: its scheme, host
 * and port (a pattern without a port matches every port), never a wildcard.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}/*`;
}
