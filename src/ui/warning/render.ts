import browser from 'webextension-polyfill';
import type { BlockView } from '../../shared/messages/protection';
import { displayUrl } from '../../shared/url-display';
import type { Reason } from '../../shared/verdict';
import { t } from '../lib/i18n';

// Everything shown here comes from the blocked page (reason parameters, phone
// numbers, URL, screenshot): text goes in through textContent only.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const CATEGORY_KEYS: Record<Reason['category'], string> = {
  lock: 'warningCategoryLock',
  alarm: 'warningCategoryAlarm',
  trap: 'warningCategoryTrap',
  claim: 'warningCategoryClaim',
  brand: 'warningCategoryBrand',
  call: 'warningCategoryCall',
  place: 'warningCategoryPlace',
  lure: 'warningCategoryLure',
};

/** The detector's message for a reason, or a plain sentence for its category when the message is missing. */
export function reasonText(reason: Reason): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(reason.key, reason.params.slice(0, 9));
  } catch {
    // An invalid key: fall back below.
  }
  return text || t(CATEGORY_KEYS[reason.category] ?? 'warningCategoryOther');
}

function renderReasons(reasons: Reason[]): void {
  const texts = [...new Set([...reasons].sort((a, b) => b.weight - a.weight).map(reasonText))];
  byId('reasons').replaceChildren(
    ...(texts.length ? texts : [t('warningCategoryOther')]).map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
}

function renderPhones(phones: string[]): void {
  byId('phones-section').hidden = phones.length === 0;
  byId('phones').replaceChildren(
    ...phones.map((phone) => {
      const item = document.createElement('li');
      const number = document.createElement('span');
      number.className = 'phone';
      number.textContent = phone;
      const label = document.createElement('strong');
      label.className = 'do-not-call';
      label.textContent = t('warningDoNotCall');
      item.append(number, label);
      return item;
    }),
  );
}

function renderPage(view: BlockView): void {
  const shown = displayUrl(view.url, 90);
  byId('address-origin').textContent = shown.origin;
  byId('address-rest').textContent = shown.rest;
  const hasThumbnail = view.thumbnail !== null && view.thumbnail.startsWith('data:image/jpeg;base64,');
  byId('thumbnail-figure').hidden = !hasThumbnail;
  byId('no-thumbnail').hidden = hasThumbnail;
  if (hasThumbnail) byId<HTMLImageElement>('thumbnail').src = view.thumbnail as string;
}

function renderSupport(view: BlockView): void {
  const contact = view.supportContact;
  if (!contact || !(contact.name || contact.phone)) return;
  byId('support-contact').textContent = t('warningSupportContact', [contact.name, contact.phone]);
  const link = byId<HTMLAnchorElement>('support-link');
  // Only an https address from policy becomes a link; anything else stays off the page.
  if (/^https:\/\//i.test(contact.url ?? '')) {
    link.href = contact.url;
    link.textContent = contact.url;
    link.hidden = false;
  }
  byId('support-section').hidden = false;
}

export function renderBlock(view: BlockView): void {
  renderSupport(view);
  renderReasons(view.verdict.reasons);
  renderPhones(view.verdict.phoneNumbers);
  renderPage(view);
  byId('back').hidden = !view.canGoBack;
  byId('close').classList.toggle('primary', !view.canGoBack);
  byId('report').hidden = !view.allowReports;
  byId('override').hidden = !view.allowOverride;
  byId('block').hidden = false;
}
