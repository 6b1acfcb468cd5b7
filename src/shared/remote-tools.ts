// Remote-access tools that tech-support scammers ask their victims to install,
// as data: update this list when a vendor changes its download hosts or file
// names; remote-tools.test.ts holds real current URLs and file names for each.
//
// A download matches a tool by its file name (the final file name, or the last
// path segment of the URL / final URL), by a dedicated download host, or by a
// URL pattern. Pages match only by explicit session/launch page patterns: a
// news article or a GitHub page about a tool is not a match.

export interface RemoteTool {
  id: string;
  /** Product name shown to the user (a proper noun: not translated). */
  name: string;
  /** Lower-case names as they appear in page text, for the "page mixes a tool and a phone number" check. */
  mentions: string[];
  /** Installer file names (tested against the base name, case-insensitive; an installer extension is required separately). */
  files: RegExp[];
  /** Hosts (and their subdomains) that serve only this tool's downloads. */
  downloadHosts: string[];
  /** Download URLs (host + path) on shared hosts, tested against `host + pathname`. */
  downloadUrls: RegExp[];
  /** The vendor's own sites: the page-text check never flags them. */
  siteHosts: string[];
  /** Pages where a victim joins a session, is shown the code to read out, or installs the tool from a store. */
  sessionPages: RegExp[];
}

/** File types that install or run software; a tool's file name must end in one of them. */
export const INSTALLER_EXTENSION =
  /\.(exe|msi|msix|msixbundle|appx|appinstaller|dmg|pkg|apk|deb|rpm|appimage|flatpak|jnlp|scr|bat|cmd)$/i;
// Archives (.zip, .tar.gz) are left out: a source archive from GitHub is not an installer.
const NOT_AN_INSTALLER = /\.(pdf|html?|txt|md|csv|json|xml|css|js|png|jpe?g|gif|svg|webp|ico|mp3|mp4|webm|docx?|xlsx?|pptx?|zip|7z|rar|gz|tgz|xz)$/i;

// File-name prefixes allow the vendors' version/arch suffixes and the browser's " (1)" for duplicates.
export const REMOTE_TOOLS: readonly RemoteTool[] = [
  {
    id: 'anydesk',
    name: 'AnyDesk',
    mentions: ['anydesk', 'エニーデスク'],
    files: [/^anydesk/i],
    downloadHosts: ['download.anydesk.com'],
    downloadUrls: [],
    siteHosts: ['anydesk.com', 'anydesk.de', 'my.anydesk.com'],
    sessionPages: [],
  },
  {
    id: 'teamviewer',
    name: 'TeamViewer',
    mentions: ['teamviewer', 'team viewer', 'quicksupport', 'チームビューア'],
    // TeamViewer_Setup_x64.exe, TeamViewerQS_x64.exe, TeamViewerQS-idc<custom>.exe, TeamViewer_Host_Setup.exe, teamviewer_amd64.deb
    files: [/^teamviewer/i],
    downloadHosts: ['download.teamviewer.com', 'dl.teamviewer.com', 'dl.tvcdn.de', 'customdesignservice.teamviewer.com'],
    downloadUrls: [],
    siteHosts: ['teamviewer.com', 'teamviewer.us', 'teamviewer.cn'],
    // get.teamviewer.com/<code> is a custom QuickSupport module; start.teamviewer.com joins a session.
    sessionPages: [/^get\.teamviewer\.com\/[\w-]+/i, /^start\.teamviewer\.com\//i],
  },
  {
    id: 'logmein',
    name: 'LogMeIn / GoTo Resolve / Rescue',
    mentions: ['logmein', 'gotoassist', 'goto resolve', 'gotoresolve', 'logmein123', 'fastsupport'],
    // Support-LogMeInRescue.exe (Rescue applet), LogMeIn.msi, "GoTo Assist Opener.exe", GoToResolve…, g2ax_….exe
    files: [/^support-logmeinrescue/i, /^lmi_?rescue/i, /^logmein/i, /^goto ?(assist|resolve|opener)/i, /^g2ax?_/i],
    downloadHosts: ['helpme.net'],
    downloadUrls: [/^secure\.logmeinrescue\.(com|eu)\/customer\/download/i, /^(www\.)?fastsupport\.com\/servlet\/download\//i],
    siteHosts: ['logmein.com', 'logmeinrescue.com', 'goto.com', 'gotoassist.com'],
    // The PIN / support-key pages a customer is told to open.
    sessionPages: [
      /^(www\.)?logmein123\.com\//i,
      /^(www\.)?lmi123\.com\//i,
      /^secure\.logmeinrescue\.(com|eu)\/customer\//i,
      /^(www\.)?fastsupport\.com\//i,
      /^(www\.)?gotoassist\.me\//i,
      /^(www\.)?helpme\.net\//i,
    ],
  },
  {
    id: 'ultraviewer',
    name: 'UltraViewer',
    mentions: ['ultraviewer', 'ultra viewer'],
    // UltraViewer_setup_6.6_en.exe, UltraViewer_setup_6.6_vi.exe, UltraViewer_setup.exe
    files: [/^ultraviewer/i],
    downloadHosts: ['dl.ultraviewer.net'],
    downloadUrls: [/^(www\.)?ultraviewer\.net\/.*\.(exe|msi|zip)$/i],
    siteHosts: ['ultraviewer.net'],
    sessionPages: [],
  },
  {
    id: 'screenconnect',
    name: 'ConnectWise ScreenConnect',
    mentions: ['screenconnect', 'connectwise control', 'connectwise'],
    // ScreenConnect.ClientSetup.exe/.msi, ScreenConnect.WindowsClient.exe, ConnectWiseControl.ClientSetup.exe
    files: [/^(screenconnect|connectwisecontrol)\.(clientsetup|windowsclient|client)/i],
    downloadHosts: [],
    // Self-hosted instances use any host name; the installer path is fixed.
    downloadUrls: [/^[^/]+\/bin\/(screenconnect|connectwisecontrol)\./i],
    siteHosts: ['screenconnect.com', 'connectwise.com'],
    // Every <instance>.screenconnect.com is a guest join page (but not the marketing site).
    sessionPages: [/^(?!(www|help|docs|forum|control)\.)[a-z0-9-]+\.screenconnect\.com\//i],
  },
  {
    id: 'splashtop',
    name: 'Splashtop',
    mentions: ['splashtop'],
    // SplashtopSOS.exe, SplashtopSOS.dmg, Splashtop_Streamer_Win_INSTALLER_v3.7.exe
    files: [/^splashtop/i],
    downloadHosts: ['download.splashtop.com', 'd17kmd0va0f0mp.cloudfront.net'],
    downloadUrls: [/^my\.splashtop\.com\/.*(download|sos)/i],
    siteHosts: ['splashtop.com'],
    sessionPages: [/^sos\.splashtop\.com\//i],
  },
  {
    id: 'supremo',
    name: 'Supremo',
    mentions: ['supremo remote', 'supremo control', 'supremocontrol'],
    files: [/^supremo(?![a-z])/i],
    downloadHosts: [],
    downloadUrls: [/^(www\.)?nanosystems\.it\/public\/download\//i, /^(www\.)?supremocontrol\.com\/.*download/i],
    siteHosts: ['supremocontrol.com', 'nanosystems.it'],
    sessionPages: [],
  },
  {
    id: 'rustdesk',
    name: 'RustDesk',
    mentions: ['rustdesk'],
    // rustdesk-1.4.0-x86_64.exe, rustdesk-1.3.7-x86_setup.exe, rustdesk-1.1.9.rpm, rustdesk-<v>-aarch64.dmg
    files: [/^rustdesk/i],
    downloadHosts: [],
    // Releases only: the repository page or a source archive is not an installer.
    downloadUrls: [/^github\.com\/rustdesk\/rustdesk\/releases\/download\//i],
    siteHosts: ['rustdesk.com'],
    sessionPages: [],
  },
  {
    id: 'zoho-assist',
    name: 'Zoho Assist',
    mentions: ['zoho assist', 'zohoassist'],
    // ZA_Connect.exe (customer applet), ZA_Access.exe (unattended), ZohoAssist….exe
    files: [/^za_(connect|access)/i, /^zoho_?assist/i],
    downloadHosts: [],
    downloadUrls: [/^downloads\.zohocdn\.com\/.*assist/i, /^downloads\.zohodl\.com\.cn\/.*assist/i],
    siteHosts: ['zoho.com', 'zohoassist.com', 'zohoassist.jp'],
    sessionPages: [/^join\.zoho\.(com|eu|in|com\.au|jp)\//i, /^assist\.zoho\.(com|eu|in|com\.au|jp)\/join/i, /^join\.zohoassist\.(com|jp)\//i],
  },
  {
    id: 'ammyy',
    name: 'Ammyy Admin',
    mentions: ['ammyy'],
    // AA_v3.exe, AA_v3.2.exe
    files: [/^aa_v\d/i, /^ammyy/i],
    downloadHosts: [],
    downloadUrls: [/^(www\.)?ammyy\.com\/.*\.exe$/i],
    siteHosts: ['ammyy.com'],
    sessionPages: [],
  },
  {
    id: 'awesun',
    name: 'AweSun',
    mentions: ['awesun', 'aweray', 'sunlogin', '向日葵'],
    // AweSun_v16.5.0.30757_arm64.dmg, aweray_remote_….exe, SunloginClient_15.x.exe
    files: [/^awesun/i, /^aweray[_ -]?remote/i, /^sunlogin ?client/i],
    downloadHosts: ['down.oray.com', 'dw.oray.com'],
    downloadUrls: [],
    siteHosts: ['aweray.com', 'sunlogin.oray.com', 'oray.com'],
    sessionPages: [],
  },
  {
    id: 'todesk',
    name: 'ToDesk',
    mentions: ['todesk'],
    // ToDesk_Setup.exe, ToDesk_Lite.exe, ToDesk_4.7.5.1.pkg, todesk-v4.7.2.0-amd64.deb
    files: [/^todesk/i],
    downloadHosts: ['dl.todesk.com', 'newdl.todesk.com'],
    downloadUrls: [],
    siteHosts: ['todesk.com'],
    sessionPages: [],
  },
  {
    id: 'chrome-remote-desktop',
    name: 'Chrome Remote Desktop',
    mentions: ['chrome remote desktop', 'remotedesktop.google.com', 'chrome リモート デスクトップ', 'chromeリモートデスクトップ'],
    // chromeremotedesktophost.msi, chrome-remote-desktop_current_amd64.deb
    files: [/^chrome ?remote ?desktop ?host/i, /^chrome-remote-desktop/i],
    downloadHosts: [],
    downloadUrls: [/^dl\.google\.com\/(dl\/)?edgedl\/chrome-remote-desktop\//i],
    siteHosts: ['remotedesktop.google.com'],
    // /support is where the helped person generates the access code.
    sessionPages: [/^remotedesktop\.google\.com\/support/i],
  },
  {
    id: 'quick-assist',
    name: 'Quick Assist',
    mentions: ['quick assist', 'quickassist', 'クイック アシスト', 'クイックアシスト'],
    // Installed from the Microsoft Store (product 9P7BP5VNWKX5); the web installer is "Quick Assist Installer.exe".
    files: [/^quick ?assist/i],
    downloadHosts: [],
    downloadUrls: [/^get\.microsoft\.com\/installer\/download\/9p7bp5vnwkx5/i],
    siteHosts: [],
    sessionPages: [
      /^apps\.microsoft\.com\/(detail|store\/detail(\/[^/]+)?)\/9p7bp5vnwkx5/i,
      /^(www\.)?microsoft\.com\/([a-z-]+\/)?(store\/productid|p\/[^/]+)\/9p7bp5vnwkx5/i,
    ],
  },
  {
    id: 'aeroadmin',
    name: 'AeroAdmin',
    mentions: ['aeroadmin'],
    files: [/^aeroadmin/i],
    downloadHosts: [],
    downloadUrls: [/^(www\.)?aeroadmin\.com\/.*\.exe$/i],
    siteHosts: ['aeroadmin.com'],
    sessionPages: [],
  },
  {
    id: 'hoptodesk',
    name: 'HopToDesk',
    mentions: ['hoptodesk'],
    files: [/^hoptodesk/i],
    downloadHosts: ['download.hoptodesk.com'],
    downloadUrls: [],
    siteHosts: ['hoptodesk.com'],
    sessionPages: [],
  },
];

export type MatchedBy = 'file' | 'host' | 'url';

export interface RemoteToolMatch {
  tool: RemoteTool;
  by: MatchedBy;
}

/** What the downloads API tells about a download (Chrome reports no file name until the target is chosen). */
export interface DownloadFacts {
  url: string;
  finalUrl?: string | undefined;
  /** Full local path (any separator) or a bare name; '' when not known yet. */
  filename?: string | undefined;
}

/** The last segment of a local path or URL path, URL-decoded when possible. */
export function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function parseWebUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function hostIn(host: string, hosts: readonly string[]): boolean {
  const lower = host.toLowerCase();
  return hosts.some((candidate) => lower === candidate || lower.endsWith(`.${candidate}`));
}

/** Recognises a remote-access tool download, or returns null. */
export function matchRemoteDownload(facts: DownloadFacts): RemoteToolMatch | null {
  const urls = [parseWebUrl(facts.finalUrl), parseWebUrl(facts.url)].filter((url): url is URL => url !== null);
  const fileName = facts.filename ? baseName(facts.filename) : '';
  // A known file that is not an installer (a PDF manual from a vendor host) is never a match.
  if (fileName && !INSTALLER_EXTENSION.test(fileName)) return null;
  const urlNames = urls.map((url) => baseName(url.pathname));
  const installerNames = [fileName, ...urlNames].filter((name) => INSTALLER_EXTENSION.test(name));

  for (const tool of REMOTE_TOOLS) {
    if (installerNames.some((name) => tool.files.some((pattern) => pattern.test(name)))) return { tool, by: 'file' };
  }
  // Without a file name yet, a URL that names a document or media file is not an installer
  // (a script path such as Download.aspx may still serve one).
  const mayBeInstaller = (url: URL) => fileName !== '' || !NOT_AN_INSTALLER.test(url.pathname);
  for (const tool of REMOTE_TOOLS) {
    for (const url of urls) {
      if (!mayBeInstaller(url)) continue;
      if (hostIn(url.hostname, tool.downloadHosts)) return { tool, by: 'host' };
      const key = url.hostname.toLowerCase() + url.pathname;
      if (tool.downloadUrls.some((pattern) => pattern.test(key))) return { tool, by: 'url' };
    }
  }
  return null;
}

/** Recognises a page where a victim joins a remote session or installs a tool from a store. */
export function matchRemoteSessionPage(rawUrl: string): RemoteTool | null {
  const url = parseWebUrl(rawUrl);
  if (!url) return null;
  const key = url.hostname.toLowerCase() + url.pathname;
  return REMOTE_TOOLS.find((tool) => tool.sessionPages.some((pattern) => pattern.test(key))) ?? null;
}

export function remoteToolById(id: string): RemoteTool | null {
  return REMOTE_TOOLS.find((tool) => tool.id === id) ?? null;
}
