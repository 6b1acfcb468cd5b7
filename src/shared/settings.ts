// Settings every feature reads. Effective settings = defaults, then user
// settings, then enterprise policy (policy wins). Validation with fallback lives
// in ./settings-validate.ts, the precedence in ./settings-resolve.ts; this file
// is the contract. Policy keys are these same field names (public/managed-schema.json).

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
  /** Hostnames or URL patterns never blocked / always blocked (grammar and matching: ./site-patterns.ts). */
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

export type SettingKey = keyof Settings;

/** storage.local key holding the user's own settings (watch it with storage.onChanged). */
export const USER_SETTINGS_STORAGE_KEY = 'userSettings';

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/**
 * What a user may change on the options page (unless policy locks it). The rest
 * (override permission, report endpoint and token, support contact, whether
 * users may report, screenshots in every report) is set by the organisation only:
 * the popup tells users a forced screenshot is "at your organisation's request".
 */
export const USER_SETTING_KEYS = [
  'protectionEnabled',
  'mode',
  'allowList',
  'blockList',
  'notificationProtection',
  'remoteGuardMode',
  'remoteGuardWindowMinutes',
  'historyLimit',
] as const satisfies readonly SettingKey[];

export type UserSettingKey = (typeof USER_SETTING_KEYS)[number];

/** Keys a policy of allowUserOverride=false takes away from the user ("pause", "allow this site"). */
export const OVERRIDE_KEYS = ['protectionEnabled', 'mode', 'allowList'] as const satisfies readonly UserSettingKey[];

export function isUserSettingKey(key: string): key is UserSettingKey {
  return (USER_SETTING_KEYS as readonly string[]).includes(key);
}
