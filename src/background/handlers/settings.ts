import type { SettingsState } from '../../shared/settings-resolve';
import type { SettingsView } from '../../shared/messages/settings';
import { getSettingsState, setUserSettings } from '../settings/store';
import type { Handlers } from './types';

function toView(state: SettingsState): SettingsView {
  return {
    ...state,
    settings: { ...state.settings, reportToken: '' },
    reportTokenSet: state.settings.reportToken !== '',
  };
}

export const settingsHandlers: Handlers<'get-settings-state' | 'set-user-settings'> = {
  'get-settings-state': async () => toView(await getSettingsState()),
  'set-user-settings': async (payload) => toView(await setUserSettings(payload.changes)),
};
