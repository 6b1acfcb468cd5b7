// The options page's history: every detection, block, notification decision and
// report, newest first; filter, delete one or all, export / import as JSON.
import { sendMessage } from '../../platform/messaging';
import type { HistoryEntry, HistoryKind } from '../../shared/history/entry';
import { HISTORY_KIND_LIST, kindLabelKey } from '../../shared/history/kinds';
import { filterEntries } from '../../shared/history/log';
import { t } from '../lib/i18n';
import { renderEntry } from './history-entry-view';

interface View {
  entries: HistoryEntry[];
  limit: number;
}

function node<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

function button(id: string, key: string): HTMLButtonElement {
  return node('button', { id, type: 'button', textContent: t(key) });
}

function download(name: string, json: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const link = node('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function renderHistorySection(section: HTMLElement): Promise<void> {
  const heading = node('h2', { id: 'history-heading', textContent: t('historyHeading') });
  const intro = node('p', { id: 'history-intro', className: 'muted' });

  const kind = node('select', { id: 'history-filter-kind' });
  kind.append(node('option', { value: '', textContent: t('historyFilterAll') }));
  for (const value of HISTORY_KIND_LIST) kind.append(node('option', { value, textContent: t(kindLabelKey(value)) }));
  const search = node('input', { id: 'history-search', type: 'search', placeholder: t('historySearchPlaceholder') });
  const filters = node('div', { className: 'history-filters' });
  filters.append(
    node('label', { textContent: t('historyFilterKind'), htmlFor: kind.id }),
    kind,
    node('label', { textContent: t('historySearch'), htmlFor: search.id }),
    search,
  );

  const exportButton = button('history-export', 'historyExport');
  const importButton = button('history-import', 'historyImport');
  const importFile = node('input', { id: 'history-import-file', type: 'file', accept: 'application/json,.json', hidden: true });
  const retryButton = button('history-retry', 'historyRetry');
  const clearButton = button('history-delete-all', 'historyDeleteAll');
  const tools = node('div', { className: 'history-tools' });
  tools.append(exportButton, importButton, importFile, retryButton, clearButton);

  const message = node('p', { id: 'history-message', role: 'status' });
  const count = node('p', { id: 'history-count', className: 'muted' });
  const list = node('ol', { id: 'history-list' });
  section.replaceChildren(heading, intro, tools, filters, message, count, list);

  let view: View = { entries: [], limit: 0 };
  const draw = () => {
    intro.textContent = t('historyIntro', [String(view.limit)]);
    const shown = filterEntries(view.entries, { kinds: kind.value ? [kind.value as HistoryKind] : [], text: search.value });
    count.textContent = t('historyCount', [String(shown.length), String(view.entries.length)]);
    if (!shown.length) {
      list.replaceChildren(node('li', { className: 'history-empty', textContent: t(view.entries.length ? 'historyNoMatch' : 'historyEmpty') }));
      return;
    }
    list.replaceChildren(...shown.map((entry) => renderEntry(entry, (id) => void remove(id))));
  };
  const reload = async () => {
    view = await sendMessage('history-list', {});
    draw();
  };
  const remove = async (id: string) => {
    await sendMessage('history-delete', { id });
    await reload();
  };

  kind.addEventListener('change', draw);
  search.addEventListener('input', draw);
  clearButton.addEventListener('click', () => {
    if (!confirm(t('historyDeleteAllConfirm'))) return;
    void sendMessage('history-clear', {}).then(reload);
  });
  exportButton.addEventListener('click', () => {
    void sendMessage('history-export', {}).then((file) => download(`fake-warning-blocker-history-${file.exportedAt.slice(0, 10)}.json`, file));
  });
  importButton.addEventListener('click', () => importFile.click());
  importFile.addEventListener('change', () => {
    const file = importFile.files?.[0];
    if (!file) return;
    void file
      .text()
      .then((text) => sendMessage('history-import', { file: JSON.parse(text) as Record<string, unknown> }))
      .then((result) => {
        message.textContent = t('historyImportDone', [String(result.imported), String(result.skipped)]);
        return reload();
      })
      .catch(() => (message.textContent = t('historyImportFailed')))
      .finally(() => (importFile.value = ''));
  });
  retryButton.addEventListener('click', () => {
    void sendMessage('retry-reports', {}).then((result) => {
      message.textContent = t('historyRetryDone', [String(result.attempted), String(result.delivered)]);
      return reload();
    });
  });

  await reload();
}
