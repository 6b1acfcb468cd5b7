// Which storage.session records belong to tabs that are no longer open. Pure: the sweep
// that removes them is ./session-sweep.ts.
//
// Per-tab records are removed when their tab closes (tabs.onRemoved), but a write already
// under way when the tab closed can land after the removal, and a worker that was not
// running may not hear of a close. Left alone, such records pile up over a long session
// against storage.session's own 10 MB quota.

/** Keys that end in the id of the tab they describe (tab-state, report chain, protection state). */
const PER_TAB_KEY = /^(?:tab|chain|protection-tab-block|protection-continued|protection-recent):(\d+)$/;
/** A block record, keyed by its block id, belongs to the blocked tab and to the tab showing its warning. */
const BLOCK_PREFIX = 'protection-block:';

export function staleTabKeys(session: Record<string, unknown>, openTabIds: ReadonlySet<number>): string[] {
  const stale: string[] = [];
  for (const [key, value] of Object.entries(session)) {
    const perTab = PER_TAB_KEY.exec(key);
    if (perTab) {
      if (!openTabIds.has(Number(perTab[1]))) stale.push(key);
      continue;
    }
    if (key.startsWith(BLOCK_PREFIX)) {
      const record = typeof value === 'object' && value !== null ? (value as { tabId?: unknown; warningTabId?: unknown }) : {};
      const tabs = [record.tabId, record.warningTabId].filter((id): id is number => typeof id === 'number');
      if (!tabs.some((id) => openTabIds.has(id))) stale.push(key);
    }
  }
  return stale;
}
