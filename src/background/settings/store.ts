import type { Settings } from '../../shared/settings';
import { resolveSettings, type SettingsState } from '../../shared/settings-resolve';
import { readPolicy } from './managed';
import { readUserSettings, writeUserSettings, USER_SETTINGS_KEY } from './user-settings';

// Effective settings = defaults → user settings (storage.local) → enterprise
// policy (storage.managed). Everyone else calls getSettings(); the settings UI
// uses getSettingsState() for locks and policy errors.

type Listener = (state: SettingsState) => void;

let cached: Promise<SettingsState> | null = null;
const listeners = new Set<Listener>();

async function load(): Promise<SettingsState> {
  const [user, policy] = await Promise.all([readUserSettings(), readPolicy()]);
  const state = resolveSettings(user, policy.value);
  if (policy.readError) state.policyIssues.unshift(policy.readError);
  // A policy that answers late replaces the interim settings as soon as it does.
  if (policy.late) void policy.late.then(() => invalidate()).catch(() => {});
  return state;
}

export function getSettingsState(): Promise<SettingsState> {
  const current = (cached ??= load());
  // A failed read must not stick: the next caller tries again.
  current.catch(() => {
    if (cached === current) cached = null;
  });
  return current;
}

export async function getSettings(): Promise<Settings> {
  return (await getSettingsState()).settings;
}

/** Called after every change of user settings or policy; returns an unsubscribe function. */
export function onSettingsChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function invalidate(): Promise<void> {
  cached = null;
  const state = await getSettingsState();
  for (const listener of listeners) {
    try {
      listener(state);
    } catch (error) {
      console.error('[fake-warning-blocker] settings listener failed:', error);
    }
  }
}

/**
 * storage.onChanged listener: register it synchronously at the top level of the
 * service worker. Policy changes ('managed') apply without a restart.
 */
export function handleStorageChange(changes: Record<string, unknown>, areaName: string): void {
  if (areaName === 'managed' || (areaName === 'local' && USER_SETTINGS_KEY in changes)) {
    invalidate().catch((error: unknown) => console.error('[fake-warning-blocker] settings reload failed:', error));
  }
}

/**
 * Applies the user's changes. Refuses (throws, changing nothing) keys the policy
 * locks, keys users may not set, and invalid values. `null` resets a key to its default.
 */
export async function setUserSettings(changes: Record<string, unknown>): Promise<SettingsState> {
  const state = await getSettingsState();
  const refused = Object.keys(changes).filter((key) => (state.locked as string[]).includes(key));
  if (refused.length) throw new Error(`managed by your organisation: ${refused.join(', ')}`);
  await writeUserSettings(changes);
  // storage.onChanged('local') notifies the listeners; the caller gets the new state now.
  cached = null;
  return getSettingsState();
}
