import type { HistoryEntry, HistoryExport } from '../history/entry';
import { type Check, isPlainObject, object, str, ValidationError } from '../validate';
import type { MessageSpec } from './spec';

// The import payload is checked entry by entry in the background (parseHistoryEntry);
// here only that it is an object of bounded size.
const exportFile: Check<Record<string, unknown>> = (value, path) => {
  if (!isPlainObject(value)) throw new ValidationError(`${path}: expected an object`);
  return value;
};

export const HISTORY_MESSAGES = {
  'history-list': { from: 'extension-page', payload: object({}) },
  'history-delete': { from: 'extension-page', payload: object({ id: str(100) }) },
  'history-clear': { from: 'extension-page', payload: object({}) },
  'history-export': { from: 'extension-page', payload: object({}) },
  'history-import': { from: 'extension-page', payload: object({ file: exportFile }) },
} satisfies Record<string, MessageSpec<unknown>>;

export interface HistoryResponses {
  'history-list': { entries: HistoryEntry[]; limit: number };
  'history-delete': { deleted: boolean };
  'history-clear': { deleted: number };
  'history-export': HistoryExport;
  'history-import': { imported: number; skipped: number };
}
