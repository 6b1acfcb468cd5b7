// Brings storage.local to the current version once per worker start (see
// src/shared/storage-migration.ts). The router waits for it before handling a message,
// so no reader or writer of migrated keys runs against half-migrated data.
import browser from 'webextension-polyfill';
import { planMigration } from '../../shared/storage-migration';

async function migrate(): Promise<void> {
  const plan = planMigration(await browser.storage.local.get(null));
  if (!plan) return;
  if (plan.remove.length) await browser.storage.local.remove(plan.remove);
  await browser.storage.local.set(plan.set);
  if (plan.notes.length) console.warn(`[fake-warning-blocker] storage migrated from v${plan.from} to v${plan.to}: ${plan.notes.join('; ')}`);
}

/** Settles (never rejects) once storage is current; a failed migration leaves the data as it was. */
export const storageReady: Promise<void> = migrate().catch((error: unknown) => {
  console.error('[fake-warning-blocker] storage migration failed; data left as it was:', error);
});
