import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import type { ReportOptions } from '../../shared/messages/reports';
import { IPA_CONSULTATION_URL } from '../../shared/reports/services';
import { localizePage } from '../lib/i18n';
import { openReportForm } from './report-flow';
import { showActions, showError, showNoPage, showStatus } from './status-view';
import { resolveTarget, type Target } from './target';
import { showManagedNotice } from '../lib/locked-indicator';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

function showConsultation(options: ReportOptions): void {
  const link = byId('consult-ipa-link') as HTMLAnchorElement;
  link.href = IPA_CONSULTATION_URL;
  byId('consult-ipa').hidden = !options.services.includes('ipa');
}

async function render(): Promise<void> {
  const target = await resolveTarget();
  const options = await sendMessage('get-report-options', { url: target?.pageUrl });
  showConsultation(options);
  if (!target) {
    showNoPage();
    return;
  }
  showStatus(target, options);
  showActions(target, options);
  wireActions(target, options);
}

function wireActions(target: Target, options: ReportOptions): void {
  const refresh = () => void render().catch(fail);
  byId('action-report').onclick = () => openReportForm('scam', target, options, refresh);
  byId('action-not-scam').onclick = () => openReportForm('not-scam', target, options, refresh);
  const setPaused = (paused: boolean) => () => void sendMessage('set-site-paused', { url: target.pageUrl, paused }).then(refresh, fail);
  byId('action-pause').onclick = setPaused(true);
  byId('action-resume').onclick = setPaused(false);
}

function fail(error: unknown): void {
  showError();
  console.error(error);
}

// Links to our own pages open as tabs (a popup cannot navigate itself to them).
for (const id of ['link-history', 'link-settings']) {
  byId(id).addEventListener('click', (event) => {
    event.preventDefault();
    void browser.tabs.create({ url: (event.currentTarget as HTMLAnchorElement).href });
  });
}

localizePage();
render().catch(fail);
showManagedNotice(document.querySelector('main') as HTMLElement).catch((error: unknown) => console.error(error));
