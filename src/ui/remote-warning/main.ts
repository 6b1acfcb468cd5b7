import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import type { RemoteGuardCaseView } from '../../shared/protocol';
import { localizePage, t } from '../lib/i18n';

// The remote-access warning. It knows only its one-time case id (from its own URL)
// and asks the background for everything else.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const main = byId('remote-warning');
const caseId = new URLSearchParams(location.search).get('id') ?? '';

function setState(state: string): void {
  main.dataset.state = state;
}

function reasonText(view: RemoteGuardCaseView, reason: string): string {
  const host = view.flaggedHost ?? '';
  if (reason === 'recent-flagged-page') return t('remoteReasonRecent', host);
  if (reason === 'opened-from-flagged-page') return t('remoteReasonOpenedFrom', host);
  return t('remoteReasonPagePitch', [view.toolName, host]);
}

function showResult(key: string): void {
  byId('remote-actions').hidden = true;
  const result = byId('remote-result');
  result.textContent = t(key);
  result.hidden = false;
}

async function decide(view: RemoteGuardCaseView, decision: 'cancel' | 'continue'): Promise<void> {
  for (const button of main.querySelectorAll('button')) button.disabled = true;
  try {
    const { outcome } = await sendMessage('remote-guard-decide', { id: caseId, decision });
    setState(outcome);
    showResult(
      outcome === 'continued'
        ? view.kind === 'download' ? 'remoteResultDownloadContinued' : 'remoteResultPageContinued'
        : view.kind === 'download' ? 'remoteResultDownloadCancelled' : 'remoteResultPageLeft',
    );
  } catch (error) {
    console.error(error);
    setState('error');
    showResult('remoteResultError');
  }
}

function render(view: RemoteGuardCaseView): void {
  byId('remote-lead').textContent =
    view.kind === 'download'
      ? t(view.action === 'warn' ? 'remoteLeadDownloadPaused' : 'remoteLeadDownloadStopped', [view.toolName, view.fileName ?? view.host])
      : t('remoteLeadPage', [view.toolName, view.host]);

  if (view.blockedBy) {
    const blocked = byId('remote-blocked');
    blocked.textContent = t(view.blockedBy === 'policy-block' ? 'remoteBlockedByPolicy' : 'remoteBlockedNoOverride');
    blocked.hidden = false;
  }

  const reasons = view.reasons.length ? view.reasons.map((reason) => reasonText(view, reason)) : [t('remoteReasonAlwaysWarn')];
  byId('remote-reasons').replaceChildren(
    ...reasons.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  byId('remote-why').hidden = false;

  const cancel = byId<HTMLButtonElement>('remote-cancel');
  const proceed = byId<HTMLButtonElement>('remote-continue');
  if (view.action === 'warn') {
    cancel.textContent = t(view.kind === 'download' ? 'remoteCancelDownload' : 'remoteLeavePage');
    cancel.addEventListener('click', () => void decide(view, 'cancel'));
    proceed.hidden = false;
    proceed.addEventListener('click', () => void decide(view, 'continue'));
  } else {
    cancel.textContent = t('remoteCloseTab');
    cancel.addEventListener('click', () => void closeThisTab());
  }
  byId('remote-actions').hidden = false;

  if (view.supportContact) {
    const contact = byId('remote-contact');
    contact.textContent = t('remoteSupportContact', [view.supportContact.name, view.supportContact.phone]);
    contact.hidden = false;
  }
  setState(view.action === 'warn' ? 'pending' : 'blocked');
  cancel.focus();
}

async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

localizePage();
sendMessage('remote-guard-case', { id: caseId })
  .then(render)
  .catch((error: unknown) => {
    console.error(error);
    setState('expired');
    byId('remote-lead').textContent = t('remoteExpired');
  });
