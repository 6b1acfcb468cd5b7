// Precedence: defaults → user settings → enterprise policy. Policy wins, and
// every key the policy names is locked, even when its value was invalid and
// fell back to the default: the administrator meant to decide it.

import {
  DEFAULT_SETTINGS,
  OVERRIDE_KEYS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  USER_SETTING_KEYS,
  type UserSettingKey,
} from './settings';
import { type SettingsIssue, validateSettings } from './settings-validate';

export interface SettingsState {
  /** The effective settings every feature acts on. */
  settings: Settings;
  /** Keys the user cannot change ("managed by your organisation"). */
  locked: SettingKey[];
  /** True when an enterprise policy is present (even an empty or broken one). */
  managed: boolean;
  /** What was wrong with the policy; each bad value was replaced by its default. */
  policyIssues: SettingsIssue[];
  /** The user's own stored choices (valid ones), whether or not policy overrides them. */
  userSettings: Partial<Pick<Settings, UserSettingKey>>;
}

/**
 * @param storedUser the user tier as stored (validated here: a corrupt store cannot break anything)
 * @param policy the managed policy object, or undefined when there is none
 */
export function resolveSettings(storedUser: unknown, policy: unknown): SettingsState {
  const user = validateSettings(storedUser, USER_SETTING_KEYS);
  const managed = policy !== undefined;
  const fromPolicy = validateSettings(policy ?? {});
  const settings: Settings = { ...DEFAULT_SETTINGS, ...user.values, ...fromPolicy.values };

  const locked = new Set<SettingKey>(fromPolicy.present);
  for (const key of fromPolicy.present) {
    // An invalid policy value falls back to the default, not to the user's choice.
    if (!(key in fromPolicy.values)) (settings as Record<SettingKey, unknown>)[key] = DEFAULT_SETTINGS[key];
  }
  if (fromPolicy.values.allowUserOverride === false) {
    // No pausing, no downgrading the mode, no "allow this site": the user's
    // choices for these give way to the policy's value or the default.
    for (const key of OVERRIDE_KEYS) {
      locked.add(key);
      if (!(key in fromPolicy.values)) (settings as Record<SettingKey, unknown>)[key] = DEFAULT_SETTINGS[key];
    }
  }
  return {
    settings,
    locked: SETTING_KEYS.filter((key) => locked.has(key)),
    managed,
    policyIssues: fromPolicy.issues,
    userSettings: user.values as SettingsState['userSettings'],
  };
}
