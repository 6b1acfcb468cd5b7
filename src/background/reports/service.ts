// What happens when the user reports a page: build the report, record it in the
// history (always), queue it for the organisation's endpoint (when policy sets
// one) and try to send it straight away.
import type { DeliveryState } from '../../shared/history/entry';
import type { ReportOutcome } from '../../shared/messages/reports';
import { deliveryState } from '../../shared/reports/outbox';
import { hostOf as siteHost } from '../../shared/site-patterns';
import { recordHistory, updateHistoryData } from '../history/store';
import { getSettingsWithPolicy } from '../settings/store';
import { type ReportRequest, buildReport } from './build';
import { enqueueReport, flushOutbox, readOutbox } from './outbox';
import { allowSite } from './site-allow';

async function submit(request: ReportRequest, siteAllowed = false): Promise<ReportOutcome> {
  const settings = await getSettingsWithPolicy();
  const body = await buildReport({ ...request, screenshot: request.screenshot || settings.includeScreenshots });
  // allowUserReports false: the organisation does not take reports from users (the history still keeps them).
  const endpointSet = settings.allowUserReports && settings.reportEndpoint.trim() !== '';
  const initial: DeliveryState = endpointSet ? 'queued' : 'local-only';
  const common = {
    url: body.page.url,
    level: body.verdict?.level,
    reasons: body.verdict?.reasons.map(({ key, params, category, weight }) => ({ key, params, category, weight })),
    phoneNumbers: body.phoneNumbers,
  };
  const comment = body.comment ?? undefined;
  const entry =
    body.kind === 'scam'
      ? await recordHistory({ kind: 'report', ...common, data: { reportId: body.reportId, delivery: initial, comment, screenshot: body.screenshot !== null } })
      : await recordHistory({ kind: 'false-positive', ...common, data: { reportId: body.reportId, delivery: initial, comment, siteAllowed } });
  const historyId = entry?.id ?? '';
  const outcome: ReportOutcome = { reportId: body.reportId, historyId, delivery: initial, duplicate: false, screenshot: body.screenshot !== null };
  if (!endpointSet) return outcome;

  const { item, duplicate, screenshotLeftOut } = await enqueueReport(body, historyId);
  if (duplicate) {
    // The earlier report stands; this history entry follows its delivery.
    await updateHistoryData(historyId, { reportId: item.reportId, delivery: deliveryState(item) });
    return { ...outcome, reportId: item.reportId, delivery: deliveryState(item), duplicate: true };
  }
  // Left out to stay within the storage budget: the popup says so, as the history entry does.
  const picture = screenshotLeftOut ? { screenshot: false, screenshotLeftOut } : {};
  await flushOutbox();
  const sent = (await readOutbox()).find((candidate) => candidate.reportId === body.reportId);
  return { ...outcome, ...picture, delivery: sent ? deliveryState(sent) : initial };
}

export function reportScam(request: Omit<ReportRequest, 'kind'>): Promise<ReportOutcome> {
  return submit({ ...request, kind: 'scam' });
}

/** A false-positive report; the site is allowed too unless policy forbids users to allow sites. */
export async function reportFalsePositive(request: Omit<ReportRequest, 'kind' | 'screenshot'>): Promise<ReportOutcome & { siteAllowed: boolean }> {
  const host = siteHost(request.url);
  const siteAllowed = host ? await allowSite(host) : false;
  const outcome = await submit({ ...request, kind: 'false-positive', screenshot: false }, siteAllowed);
  return { ...outcome, siteAllowed };
}
