import { describe, expect, it } from 'vitest';
import { parseMessage } from '../protocol';
import { HISTORY_MESSAGES } from './history';
import { REPORTS_MESSAGES } from './reports';

const valid: Record<string, unknown> = {
  'report-page': { url: 'https://scam.example/', tabId: 3, comment: 'x', includeScreenshot: true },
  'report-false-positive': { url: 'https://ok.example/' },
  'set-site-paused': { url: 'https://ok.example/', paused: true },
  'get-report-options': {},
  'open-report-forms': { url: 'https://scam.example/', services: ['google', 'microsoft'] },
  'get-report-status': { reportIds: ['a'] },
  'retry-reports': {},
  'history-list': {},
  'history-delete': { id: 'a' },
  'history-clear': {},
  'history-export': {},
  'history-import': { file: { format: 'fake-warning-blocker-history', entries: [] } },
};

describe('report and history messages', () => {
  const types = [...Object.keys(REPORTS_MESSAGES), ...Object.keys(HISTORY_MESSAGES)];

  it('covers every message in this test', () => {
    expect(types.sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(types)('%s is accepted from extension pages and refused from web pages', (type) => {
    expect(parseMessage({ type, payload: valid[type] }, 'extension-page').type).toBe(type);
    // A web page must never trigger a report, allow itself or read the history.
    expect(() => parseMessage({ type, payload: valid[type] }, 'content')).toThrow(/only accepted from extension pages/);
  });

  it('accepts only web page addresses to report or allow', () => {
    for (const url of ['javascript:alert(1)', 'chrome://settings', 'file:///etc/passwd', '']) {
      expect(() => parseMessage({ type: 'report-page', payload: { url } }, 'extension-page')).toThrow(/http\(s\) URL/);
      expect(() => parseMessage({ type: 'set-site-paused', payload: { url, paused: true } }, 'extension-page')).toThrow(/http\(s\) URL/);
    }
  });

  it('rejects unknown report services', () => {
    expect(() =>
      parseMessage({ type: 'open-report-forms', payload: { url: 'https://x.example/', services: ['evil'] } }, 'extension-page'),
    ).toThrow(/services/);
  });
});
