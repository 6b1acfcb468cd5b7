import { onSettingsChange } from '../settings/store';
import { onVerdictChange } from '../verdict-events';
import { onNotificationVerdict } from './revoke';
import { notificationSettings } from './settings-snapshot';

/** Registers notification protection's listeners; called once, synchronously, at the top level of the worker. */
export function registerNotifications(): void {
  onVerdictChange(onNotificationVerdict);
  // Keeps the settings snapshot current, for the first seconds after the next browser start.
  onSettingsChange(() => void notificationSettings().catch(() => {}));
  void notificationSettings().catch(() => {});
}
