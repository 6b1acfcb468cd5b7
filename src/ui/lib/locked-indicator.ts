import { sendMessage } from '../../platform/messaging';
import type { SettingKey } from '../../shared/settings';
import { t } from './i18n';
import './locked-indicator.css';

// "Managed by your organisation": one look for locked settings wherever they appear.

/** A small badge to put next to a control whose setting the policy locks. */
export function lockedBadge(): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'fwb-locked';
  badge.dataset.locked = 'true';
  badge.textContent = t('settingsLocked');
  badge.title = t('settingsLockedTitle');
  return badge;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

/**
 * Disables `controls` and shows (or removes) the badge in `row`: inside the child
 * marked `data-lock-anchor` if there is one, else at its end.
 */
export function applyLock(row: HTMLElement, controls: Control[], locked: boolean): void {
  for (const control of controls) control.disabled = locked;
  row.classList.toggle('locked', locked);
  const badge = row.querySelector('.fwb-locked');
  if (locked && !badge) {
    const anchor = row.querySelector('[data-lock-anchor]');
    if (anchor) anchor.append(lockedBadge());
    else row.append(lockedBadge());
  }
  if (!locked) badge?.remove();
}

/**
 * For the popup: appends "Some settings are managed by your organisation" to
 * `container` when a policy locks anything. Returns the locked keys so the caller
 * can disable its own controls (e.g. a pause button when 'protectionEnabled' is locked).
 */
export async function showManagedNotice(container: HTMLElement): Promise<SettingKey[]> {
  const state = await sendMessage('get-settings-state', {});
  container.querySelector(':scope > .fwb-managed-notice')?.remove();
  if (state.locked.length > 0) {
    const notice = document.createElement('p');
    notice.className = 'fwb-managed-notice';
    notice.id = 'managed-notice';
    notice.append(lockedBadge(), ' ', t('settingsManagedShort'));
    container.append(notice);
  }
  return state.locked;
}
