import browser from 'webextension-polyfill';
import { USER_SETTING_KEYS, USER_SETTINGS_STORAGE_KEY } from '../../shared/settings';
import { validateSettings } from '../../shared/settings-validate';

export const USER_SETTINGS_KEY = USER_SETTINGS_STORAGE_KEY;

export async function readUserSettings(): Promise<unknown> {
  return (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Merges `changes` into the stored user settings (`null` removes a key so its
 * default applies). All or nothing: any unknown key or invalid value throws.
 */
export function writeUserSettings(changes: Record<string, unknown>): Promise<void> {
  const toSet = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null));
  const checked = validateSettings(toSet, USER_SETTING_KEYS);
  const unknownResets = Object.keys(changes).filter((key) => !(USER_SETTING_KEYS as readonly string[]).includes(key));
  const problems = [
    ...checked.issues.map((issue) => `${issue.key}: ${issue.detail}`),
    ...unknownResets.filter((key) => !(key in toSet)).map((key) => `${key}: cannot be set here`),
  ];
  if (problems.length) return Promise.reject(new Error(problems.join('; ')));

  // Serialised so two quick changes from the UI cannot overwrite each other.
  const write = writes.then(async () => {
    const stored = validateSettings(await readUserSettings(), USER_SETTING_KEYS).values as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete stored[key];
      else stored[key] = checked.values[key as keyof typeof checked.values];
    }
    await browser.storage.local.set({ [USER_SETTINGS_KEY]: stored });
  });
  writes = write.catch(() => {});
  return write;
}
