// Settings every feature reads. Effective settings = defaults, then user
// settings, then enterprise policy (policy wins). Validation with fallback lives
// in ./settings-validate.ts (enterprise issue); this file is the contract.

export type ProtectionMode = 'block' | 'warn' | 'monitor';
export type RemoteGuardMode = 'off' | 'scam-context' | 'always-warn' | 'block';

export interface SupportContact {
  name: string;
  phone: string;
  url: string;
}

export interface Settings {
  protectionEnabled: boolean;
  mode: ProtectionMode;
  /** Users may press "continue anyway", allow a site, or pause protection. */
  allowUserOverride: boolean;
  /** Hostnames or URL patterns never blocked / always blocked. */
  allowList: string[];
  blockList: string[];
  notificationProtection: boolean;
  remoteGuardMode: RemoteGuardMode;
  /** Minutes after seeing a flagged page during which remote-tool downloads are guarded. */
  remoteGuardWindowMinutes: number;
  allowUserReports: boolean;
  reportEndpoint: string;
  reportToken: string;
  includeScreenshots: boolean;
  supportContact: SupportContact | null;
  historyLimit: number;
}

export const DEFAULT_SETTINGS: Settings = {
  protectionEnabled: true,
  mode: 'block',
  allowUserOverride: true,
  allowList: [],
  blockList: [],
  notificationProtection: true,
  remoteGuardMode: 'scam-context',
  remoteGuardWindowMinutes: 60,
  allowUserReports: true,
  reportEndpoint: '',
  reportToken: '',
  includeScreenshots: false,
  supportContact: null,
  historyLimit: 500,
};
