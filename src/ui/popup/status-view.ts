import type { ReportOptions } from '../../shared/messages/reports';
import { t } from '../lib/i18n';
import type { Target } from './target';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const HEADLINES = { safe: 'popupLevelSafe', suspicious: 'popupLevelSuspicious', scam: 'popupLevelBlocked' } as const;

function fillList(list: HTMLElement, items: string[]): void {
  list.replaceChildren(
    ...items.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
}

export function showNoPage(): void {
  byId('status').dataset.level = 'none';
  byId('status-headline').textContent = t('popupStatusNoPage');
}

export function showError(): void {
  byId('status').dataset.level = 'none';
  byId('status-headline').textContent = t('popupStatusError');
}

export function showStatus(target: Target, options: ReportOptions): void {
  const { verdict } = target.status;
  const status = byId('status');
  status.dataset.level = target.level;
  byId('status-headline').textContent = t(HEADLINES[target.level]);
  byId('status-site').textContent = new URL(target.pageUrl).host;
  byId('status-paused').hidden = !options.siteAllowed;

  const reasons = target.level === 'safe' ? [] : verdict.reasons;
  byId('status-reasons-box').hidden = reasons.length === 0;
  fillList(byId('status-reasons'), reasons.map((reason) => t(reason.key, reason.params)));
  byId('status-phones-box').hidden = verdict.phoneNumbers.length === 0;
  fillList(byId('status-phones'), verdict.phoneNumbers);
}

/** Shows the actions this page and the policy allow. */
export function showActions(target: Target, options: ReportOptions): void {
  byId('actions').hidden = false;
  byId('action-report').hidden = !options.allowUserReports;
  // "Not a scam" only makes sense for a page the extension flagged.
  byId('action-not-scam').hidden = target.level === 'safe' || options.siteAllowed;
  byId('action-pause').hidden = !options.allowUserOverride || options.siteAllowed;
  byId('action-resume').hidden = !options.allowUserOverride || !options.siteAllowed;
  byId('override-locked').hidden = options.allowUserOverride;
}
