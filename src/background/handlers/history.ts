import { importEntries, toExport } from '../../shared/history/log';
import { clearHistory, deleteHistoryEntry, listHistory, transformHistory } from '../history/store';
import type { Handlers } from './types';

export const historyHandlers: Handlers<'history-list' | 'history-delete' | 'history-clear' | 'history-export' | 'history-import'> = {
  'history-list': () => listHistory(),
  'history-delete': async (payload) => ({ deleted: await deleteHistoryEntry(payload.id) }),
  'history-clear': async () => ({ deleted: await clearHistory() }),
  'history-export': async () => toExport((await listHistory()).entries, new Date()),
  'history-import': (payload) =>
    transformHistory((current, limit) => {
      const { entries, imported, skipped } = importEntries(current, payload.file, limit);
      return { entries, result: { imported, skipped } };
    }),
};
