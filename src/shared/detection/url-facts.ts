// Facts about the page address. A brand's shared-hosting domain proves nothing:
// anyone can publish at <anything>.web.core.windows.net, so such a host is never
// trusted and a random-looking name under it counts against the page.

// Suffixes where anyone can get a subdomain for free or for a few cents.
const SHARED_HOSTING = [
  'web.core.windows.net', 'blob.core.windows.net', 'azurewebsites.net', 'azurestaticapps.net', 'azureedge.net', 'trafficmanager.net',
  'cloudapp.net', 'cloudapp.azure.com', 'z13.web.core.windows.net', 's3.amazonaws.com', 'amazonaws.com', 'cloudfront.net',
  'appspot.com', 'web.app', 'firebaseapp.com', 'storage.googleapis.com', 'github.io', 'gitlab.io', 'netlify.app', 'vercel.app',
  'pages.dev', 'workers.dev', 'herokuapp.com', 'ondigitalocean.app', 'digitaloceanspaces.com', 'glitch.me', 'onrender.com',
  'fly.dev', 'repl.co', 'replit.app', '000webhostapp.com', 'weebly.com', 'wixsite.com', 'blogspot.com', 'surge.sh', 'ngrok.io',
  'ngrok-free.app', 'trycloudflare.com', 'r2.dev', 'backblazeb2.com', 'oraclecloud.com', 'myshopify.com', 'square.site',
];

export interface UrlFacts {
  host: string;
  rawIp: boolean;
  /** The shared-hosting suffix the host is under, or null. */
  sharedHosting: string | null;
  /** A machine-made label (long, digits mixed with letters) under shared hosting. */
  throwawayLabel: boolean;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function looksGenerated(label: string): boolean {
  const digits = (label.match(/\d/g) ?? []).length;
  const letters = (label.match(/[a-z]/g) ?? []).length;
  if (label.length >= 12 && digits >= 3 && letters >= 3) return true;
  if (label.length >= 20) return true;
  // Few vowels in a long label: "msstoera7futf4b220544341", "xqzkjpw".
  const vowels = (label.match(/[aeiou]/g) ?? []).length;
  return letters >= 8 && vowels / letters < 0.2;
}

export function urlFacts(url: string): UrlFacts {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return { host: '', rawIp: false, sharedHosting: null, throwawayLabel: false };
  }
  const rawIp = IPV4.test(host) || host.startsWith('[');
  const sharedHosting = SHARED_HOSTING.filter((suffix) => host.endsWith(`.${suffix}`)).sort((a, b) => b.length - a.length)[0] ?? null;
  let throwawayLabel = false;
  if (sharedHosting) {
    const labels = host.slice(0, -sharedHosting.length - 1).split('.');
    throwawayLabel = labels.some((label) => looksGenerated(label.replace(/-/g, '')));
  }
  return { host, rawIp, sharedHosting, throwawayLabel };
}
