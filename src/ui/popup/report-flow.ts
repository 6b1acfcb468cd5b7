// The popup's report form ("Report this page as a scam" / "This page is not a
// scam") and what it says afterwards: saved, delivered or not, and the public
// report forms the user can send too.
import { sendMessage } from '../../platform/messaging';
import type { ReportOptions, ReportOutcome } from '../../shared/messages/reports';
import { t } from '../lib/i18n';
import type { Target } from './target';

type Mode = 'scam' | 'not-scam';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const deliveryKey = (state: string) => `historyDelivery_${state.replace(/-/g, '_')}`;
const screenshotLeftOutKey = (reason: string) => `reportsScreenshotLeftOut_${reason.replace(/-/g, '_')}`;

export function openReportForm(mode: Mode, target: Target, options: ReportOptions, onDone: () => void): void {
  const form = byId<HTMLFormElement>('report-form');
  byId('actions').hidden = true;
  byId('report-result').hidden = true;
  form.hidden = false;
  form.dataset.mode = mode;
  byId('report-form-title').textContent = t(mode === 'scam' ? 'reportsFormTitleScam' : 'reportsFormTitleNotScam');
  const note = byId('report-not-scam-note');
  note.hidden = mode !== 'not-scam';
  note.textContent = t(options.allowUserOverride ? 'reportsNotScamAllows' : 'reportsNotScamLocked');
  // The screenshot is only offered with a scam report; policy may make it compulsory.
  byId('report-screenshot-row').hidden = mode !== 'scam' || options.screenshotRequired;
  byId('report-screenshot-policy').hidden = mode !== 'scam' || !options.screenshotRequired;
  byId('report-destination').textContent = t(
    options.endpointConfigured && options.allowUserReports ? 'reportsGoesToOrganisation' : 'reportsStaysLocal',
  );
  byId<HTMLTextAreaElement>('report-comment').focus();

  byId('report-cancel').onclick = () => {
    form.hidden = true;
    byId('actions').hidden = false;
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    void send(mode, target, options).then(onDone);
  };
}

async function send(mode: Mode, target: Target, options: ReportOptions): Promise<void> {
  const button = byId<HTMLButtonElement>('report-send');
  button.disabled = true;
  button.textContent = t('reportsSending');
  const comment = byId<HTMLTextAreaElement>('report-comment').value;
  const result = byId('report-result');
  const text = byId('report-result-text');
  try {
    let outcome: ReportOutcome;
    const screenshot = byId('report-screenshot-note');
    screenshot.hidden = true;
    if (mode === 'scam') {
      const includeScreenshot = byId<HTMLInputElement>('report-screenshot').checked || options.screenshotRequired;
      outcome = await sendMessage('report-page', {
        tabId: target.tabId,
        blockId: undefined,
        url: target.pageUrl,
        comment,
        includeScreenshot,
      });
      text.textContent = t(outcome.duplicate ? 'reportsDuplicate' : 'reportsThanks');
      // Said plainly, so nobody believes a picture went along when it did not.
      screenshot.hidden = !includeScreenshot || outcome.screenshot || outcome.duplicate;
      screenshot.textContent = t(outcome.screenshotLeftOut ? screenshotLeftOutKey(outcome.screenshotLeftOut) : 'reportsScreenshotUnavailable');
    } else {
      const fp = await sendMessage('report-false-positive', { tabId: target.tabId, blockId: undefined, url: target.pageUrl, comment });
      outcome = fp;
      text.textContent = t(fp.siteAllowed ? 'reportsFalsePositiveAllowed' : 'reportsFalsePositiveNotAllowed');
    }
    const delivery = byId('report-delivery');
    delivery.dataset.state = outcome.delivery;
    delivery.textContent = t(deliveryKey(outcome.delivery));
    byId('report-services').hidden = mode !== 'scam';
    byId('open-services').onclick = () =>
      void sendMessage('open-report-forms', { url: target.pageUrl, services: ['google', 'microsoft'] });
    byId('report-form').hidden = true;
    result.dataset.reportId = outcome.reportId;
  } catch (error) {
    console.error(error);
    text.textContent = t('reportsFailed');
    byId('report-form').hidden = true;
    byId('actions').hidden = false;
  } finally {
    result.hidden = false;
    button.disabled = false;
    button.textContent = t('reportsSend');
  }
}
