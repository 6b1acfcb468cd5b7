import { localizePage } from '../lib/i18n';
import { renderHistorySection } from './history-section';
import { renderNotificationsSection } from './notifications-section';
import { renderSettingsSection } from './settings-section';

// Each feature renders its own section into its placeholder in index.html.
localizePage();
void renderSettingsSection(document.getElementById('settings-section') as HTMLElement);
void renderNotificationsSection(document.getElementById('notifications-section') as HTMLElement).catch((error: unknown) => console.error(error));
void renderHistorySection(document.getElementById('history-section') as HTMLElement).catch((error: unknown) => console.error(error));
