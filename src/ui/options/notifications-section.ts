// The options page's notifications section: sites seen with permission to show
// notifications and those the extension refused or blocked, with one-click
// block/unblock, and how to remove a permission in Firefox (no API for it there).
import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import type { NotificationSitesView, NotificationSiteView } from '../../shared/messages/notifications';
import { t } from '../lib/i18n';
import './notifications-section.css';

function node<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

const reasonKey = (reason: string) => `notificationsReason_${reason.replace(/-/g, '_')}`;

function firefoxSteps(): HTMLElement {
  const steps = node('ol', { className: 'notifications-steps' });
  for (const key of ['notificationsFirefoxStep1', 'notificationsFirefoxStep2', 'notificationsFirefoxStep3']) steps.append(node('li', { textContent: t(key) }));
  return steps;
}

function siteItem(site: NotificationSiteView, view: NotificationSitesView, act: (origin: string, blocked: boolean) => void): HTMLLIElement {
  const item = node('li', { className: 'notifications-site' });
  item.dataset.origin = site.origin;
  item.dataset.state = site.state;
  const head = node('div', { className: 'notifications-site-head' });
  head.append(
    node('span', { className: 'notifications-origin', textContent: site.origin }),
    node('span', { className: 'notifications-state', textContent: t(`notificationsState_${site.state}`) }),
    node('time', {
      className: 'notifications-since muted',
      dateTime: new Date(site.since).toISOString(),
      textContent: t('notificationsSince', [new Date(site.since).toLocaleString(document.documentElement.lang || undefined)]),
    }),
  );
  item.append(head);
  if (site.reasons.length) {
    const reasons = node('ul', { className: 'notifications-reasons' });
    reasons.append(...site.reasons.map((reason) => node('li', { textContent: t(reasonKey(reason)) })));
    item.append(reasons);
  }
  if (site.browserSetting) item.append(node('p', { className: 'notifications-browser muted', textContent: t(`notificationsBrowserSetting_${site.browserSetting}`) }));

  const blocked = site.state === 'blocked' || site.state === 'revoked' || site.state === 'kept';
  const button = node('button', { type: 'button', className: 'notifications-toggle', textContent: t(blocked ? 'notificationsUnblock' : 'notificationsBlock') });
  button.setAttribute('aria-label', t(blocked ? 'notificationsUnblockLabel' : 'notificationsBlockLabel', [site.origin]));
  button.addEventListener('click', () => act(site.origin, !blocked));
  if (blocked && !view.canUnblock) {
    button.disabled = true;
    item.append(button, node('p', { className: 'hint', textContent: t('notificationsUnblockManaged') }));
  } else {
    item.append(button);
  }
  return item;
}

export async function renderNotificationsSection(section: HTMLElement): Promise<void> {
  const heading = node('h2', { id: 'notifications-heading', textContent: t('notificationsHeading') });
  const intro = node('p', { textContent: t('notificationsIntro') });
  const status = node('p', { id: 'notifications-status', role: 'status' });
  const list = node('ul', { id: 'notifications-list' });
  list.setAttribute('aria-label', t('notificationsListLabel'));
  const empty = node('p', { id: 'notifications-empty', className: 'muted', textContent: t('notificationsEmpty') });
  const help = node('div', { id: 'notifications-help', className: 'hint' });
  section.replaceChildren(heading, intro, status, empty, list, help);

  const render = async () => {
    const view = await sendMessage('notifications-list', {});
    section.dataset.browserManaged = String(view.browserManaged);
    empty.hidden = view.sites.length > 0;
    list.replaceChildren(...view.sites.map((site) => siteItem(site, view, (origin, blocked) => void act(origin, blocked))));
    help.replaceChildren(
      ...(view.browserManaged ? [node('p', { textContent: t('notificationsChromeHelp') })] : [node('p', { textContent: t('notificationsFirefoxHelp') }), firefoxSteps()]),
    );
    section.dataset.state = 'ready';
  };
  const act = async (origin: string, blocked: boolean) => {
    status.textContent = '';
    try {
      await sendMessage('notifications-set-blocked', { origin, blocked });
      await render();
      list.querySelector<HTMLButtonElement>(`li[data-origin="${CSS.escape(origin)}"] button`)?.focus();
    } catch (error) {
      console.warn('[fake-warning-blocker] notification setting failed:', error);
      status.textContent = t('notificationsActionFailed');
    }
  };
  await render();
  // Kept current while open: a site blocked in another tab shows up here.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'notificationSites' in changes) void render().catch(() => {});
  });
}
