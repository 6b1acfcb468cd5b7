// One history entry as DOM (text only, never markup from strings).
import type { HistoryEntry } from '../../shared/history/entry';
import { describeEntry, kindLabelKey } from '../../shared/history/kinds';
import { t } from '../lib/i18n';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderEntry(entry: HistoryEntry, onDelete: (id: string) => void): HTMLElement {
  const item = element('li', 'history-entry');
  item.dataset.id = entry.id;
  item.dataset.kind = entry.kind;
  if (entry.level) item.dataset.level = entry.level;

  const head = element('div', 'history-head');
  const time = element('time', 'history-time', new Date(entry.time).toLocaleString(document.documentElement.lang || undefined));
  time.dateTime = new Date(entry.time).toISOString();
  head.append(time, element('span', 'history-kind', t(kindLabelKey(entry.kind))));
  if (entry.level) head.append(element('span', 'history-level', t(`historyLevel_${entry.level}`)));
  item.append(head);

  if (entry.url) item.append(element('div', 'history-url', entry.url));
  const described = describeEntry(entry);
  if (described) item.append(element('div', 'history-detail', t(described.key, described.params)));
  if (entry.kind === 'false-positive' && entry.data.siteAllowed) item.append(element('div', 'history-detail', t('historySiteAllowed')));
  if (entry.kind === 'report' && entry.data.screenshotLeftOut) {
    item.append(element('div', 'history-detail', t(`historyScreenshotLeftOut_${entry.data.screenshotLeftOut.replace(/-/g, '_')}`)));
  }
  if ((entry.kind === 'report' || entry.kind === 'false-positive') && entry.data.comment) {
    item.append(element('div', 'history-detail', t('historyComment', [entry.data.comment])));
  }
  if (entry.reasons?.length) {
    const reasons = element('ul', 'history-reasons');
    reasons.append(...entry.reasons.map((reason) => element('li', '', t(reason.key, reason.params))));
    item.append(reasons);
  }
  if (entry.phoneNumbers?.length) {
    item.append(element('div', 'history-phones', t('historyPhones', [entry.phoneNumbers.join(', ')])));
  }

  const remove = element('button', 'history-delete', t('historyDelete'));
  remove.type = 'button';
  remove.addEventListener('click', () => onDelete(entry.id));
  item.append(remove);
  return item;
}
