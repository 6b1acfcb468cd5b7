// Which report endpoints the extension will POST to. Production endpoints must
// be HTTPS. Plain http is accepted only for hosts that cannot be on the public
// internet: loopback (localhost, 127.0.0.0/8, [::1]) and the reserved `.test`
// TLD (RFC 6761), so tests can run a local receiver behind the test proxy.

export type EndpointCheck = { ok: true; url: URL } | { ok: false; problem: 'empty' | 'not-a-url' | 'not-https' | 'credentials' };

function isTestOnlyHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === 'test' ||
    host.endsWith('.test')
  );
}

export function checkEndpoint(raw: string): EndpointCheck {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  // Credentials in the URL would leak into logs; the token setting exists for that.
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isTestOnlyHost(url.hostname)) return { ok: true, url };
  return { ok: false, problem: 'not-https' };
}
