import { describe, expect, it } from 'vitest';
import { reportLines, summaryLine } from '../../evaluate/report';
import type { RunResult } from '../../evaluate/run';
import type { CaseRecord } from '../../evaluate/run-case';

const record = (id: string, label: string, blocked: boolean, extra: Partial<CaseRecord> = {}): CaseRecord => ({
  id,
  label,
  family: label === 'scam' ? 'ms-defender-lock' : 'article',
  lang: 'en',
  url: `http://${id}.case.fwb.test/`,
  blocked,
  level: blocked ? 'scam' : 'safe',
  score: blocked ? 10 : 0,
  reasons: blocked ? ['reasonFullscreenDocument'] : [],
  phone_numbers: [],
  latency_ms: blocked ? 300 : null,
  before_click: false,
  click_tries: 1,
  page_events: {},
  dialogs: 0,
  popups: 0,
  requests: { served: 1, missing: 0, foreign: 0, https: 0, foreign_hosts: [], missing_paths: [] },
  duration_ms: 1000,
  errors: [],
  ...extra,
});

const cases = [
  record('s1', 'scam', true),
  record('s2', 'scam', false, { level: 'suspicious', reasons: ['reasonPhone'] }),
  record('s3', 'scam', true, { latency_ms: 500 }),
  record('b1', 'benign', false),
  record('b2', 'benign', true),
];

describe('report', () => {
  it('ends with exactly: evaluate: scam B/S blocked, benign F/N flagged', () => {
    expect(summaryLine(cases)).toBe('evaluate: scam 2/3 blocked, benign 1/2 flagged');
    expect(summaryLine([])).toBe('evaluate: scam 0/0 blocked, benign 0/0 flagged');
  });

  it('tabulates per family and language and names the misses and false positives', () => {
    const result: RunResult = {
      browser: 'chromium',
      extension: 'dist/chrome',
      concurrency: 2,
      settle_ms: 5000,
      started_at: '',
      duration_ms: 1000,
      traffic: { served: 5, missing: 0, foreign: 0, https: 0, unattributed: {}, browser_service: 0, unanswered: 0 },
      leftover_windows: [],
      cases,
    };
    const lines = reportLines(result, '/corpus');
    expect(lines.at(-1)).toBe(summaryLine(cases));
    expect(lines).toContainEqual(expect.stringMatching(/^scam +ms-defender-lock +3 +2 +67% +3 +400$/));
    expect(lines).toContainEqual(expect.stringMatching(/^benign +article +2 +1 +50% +1 +300$/));
    expect(lines).toContainEqual(expect.stringMatching(/^scam +en +3 +2/));
    expect(lines).toContain('  b2 (scam: reasonFullscreenDocument)');
    expect(lines).toContain('  s2 (suspicious: reasonPhone)');
  });
});
