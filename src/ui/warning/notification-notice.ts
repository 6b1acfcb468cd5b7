// The warning page's word about the blocked site's notifications: permission taken
// back (Chrome), or how to remove it (Firefox, which does not let extensions), or
// that its request was refused. Hidden when there is nothing to say.
import { sendMessage } from '../../platform/messaging';
import { t } from '../lib/i18n';

const STEPS = ['notificationsFirefoxStep1', 'notificationsFirefoxStep2', 'notificationsFirefoxStep3'];

export async function showNotificationNotice(blockId: string): Promise<void> {
  const section = document.getElementById('notifications-notice');
  const text = document.getElementById('notifications-notice-text');
  const steps = document.getElementById('notifications-notice-steps');
  if (!section || !text || !steps) return;
  const notice = await sendMessage('notifications-block-notice', { blockId });
  section.dataset.state = notice.state;
  if (notice.state === 'none') return;
  if (notice.state === 'revoked') text.textContent = t('notificationsNoticeRevoked');
  if (notice.state === 'refused') text.textContent = t('notificationsNoticeRefused');
  if (notice.state === 'kept') {
    text.textContent = t('notificationsNoticeKept', [notice.origin]);
    steps.replaceChildren(...STEPS.map((key) => Object.assign(document.createElement('li'), { textContent: t(key) })));
    steps.hidden = false;
  }
  section.hidden = false;
}
