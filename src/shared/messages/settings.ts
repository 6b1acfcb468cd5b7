import type { SettingsState } from '../settings-resolve';
import { type Check, isPlainObject, object, ValidationError } from '../validate';
import type { MessageSpec } from './spec';

/** A partial set of user settings; values are checked by the settings store (all or nothing). */
const changes: Check<Record<string, unknown>> = (value, path) => {
  if (!isPlainObject(value)) throw new ValidationError(`${path}: expected an object`);
  if (Object.keys(value).length > 20) throw new ValidationError(`${path}: too many keys`);
  return value;
};

export const SETTINGS_MESSAGES = {
  /** Extension pages: effective settings, locked keys and policy errors. */
  'get-settings-state': { from: 'extension-page', payload: object({}) },
  /** Options page: change the user's own settings. Locked keys are refused. `null` resets a key. */
  'set-user-settings': { from: 'extension-page', payload: object({ changes }) },
} satisfies Record<string, MessageSpec<unknown>>;

/**
 * SettingsState as sent to pages: the report token is never sent back out of the
 * service worker (settings.reportToken is ''), only whether one is set.
 */
export interface SettingsView extends SettingsState {
  reportTokenSet: boolean;
}

export interface SettingsResponses {
  'get-settings-state': SettingsView;
  'set-user-settings': SettingsView;
}
