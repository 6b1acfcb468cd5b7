// The evaluate harness (npm run evaluate) run as a user runs it, over the tiny
// self-written corpus in tests/fixtures/mini-corpus, in each browser.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../support/session';

const ROOT = resolve(import.meta.dirname, '../..');
const MINI = resolve(ROOT, 'tests/fixtures/mini-corpus');
const SUMMARY = /^evaluate: scam (\d+)\/(\d+) blocked, benign (\d+)\/(\d+) flagged$/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function evaluate(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['tests/evaluate/cli.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

interface CaseRecord {
  id: string;
  label: string;
  family: string;
  lang: string;
  blocked: boolean;
  level: string;
  reasons: string[];
  latency_ms: number | null;
  before_click: boolean;
  click_tries: number;
  dialogs: number;
  popups: number;
  page_events: Record<string, number>;
  requests: { served: number; missing: number; foreign: number; https: number; foreign_hosts: string[]; missing_paths: string[] };
  errors: string[];
}

interface Output {
  browser: string;
  leftover_windows: string[][];
  traffic: { unattributed: Record<string, number>; unanswered: number };
  cases: CaseRecord[];
}

describe.each(BROWSERS)('npm run evaluate in %s', (browserName) => {
  const dir = mkdtempSync(join(tmpdir(), 'fwb-evaluate-test-'));
  const outFile = join(dir, 'out.json');
  let run: Run;
  let output: Output;
  const record = (id: string) => output.cases.find((entry) => entry.id === id) as CaseRecord;

  beforeAll(async () => {
    run = await evaluate(['--corpus', MINI, '--browser', browserName, '--out', outFile]);
    if (run.code === 0) output = JSON.parse(readFileSync(outFile, 'utf8')) as Output;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('completes over the mini corpus and ends with the exact summary line', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toMatch(SUMMARY);
    const [, , scams, , benign] = SUMMARY.exec(lastLine(run.stdout)) as RegExpExecArray;
    expect([scams, benign]).toEqual(['1', '1']);
    expect(run.stdout).toMatch(/label +family +cases +blocked/);
    expect(run.stdout).toMatch(/label +lang +cases +blocked/);
    expect(run.ms).toBeLessThan(60_000);
  });

  it('writes one JSON record per case with the documented fields', () => {
    expect(output.browser).toBe(browserName);
    expect(output.cases.map((entry) => entry.id).sort()).toEqual(['benign-library-news-ja', 'sim-defender-lock']);
    for (const entry of output.cases) {
      expect(typeof entry.blocked).toBe('boolean');
      expect(['safe', 'suspicious', 'scam']).toContain(entry.level);
      expect(Array.isArray(entry.reasons) && entry.reasons.every((key) => typeof key === 'string')).toBe(true);
      expect(entry.latency_ms === null ? !entry.blocked : entry.blocked && entry.latency_ms >= 0).toBe(true);
      // The victim's click was made (tried again at most twice when the driver could not deliver it), unless the block came first.
      if (!entry.before_click) expect([1, 2, 3], entry.id).toContain(entry.click_tries);
      expect(entry.errors).toEqual([]);
    }
    expect(record('sim-defender-lock')).toMatchObject({ label: 'scam', family: 'ms-defender-lock', lang: 'en' });
    expect(record('benign-library-news-ja')).toMatchObject({ label: 'benign', family: 'article', lang: 'ja' });
  });

  it('survives the kit: dismisses its dialogs, closes its popup and every window it opened', () => {
    const scam = record('sim-defender-lock');
    // Three alerts in <head>, before any content exists to judge.
    expect(scam.dialogs).toBe(3);
    // The popup opens on the first click, unless the extension disarmed the kit before it
    // (the dialogs and traps can be enough): then window.open is a no-op and nothing opens.
    // Whether it opened is told by the probe (window-open) or by the popup's own request to
    // the local server: the probe's event can be missed, when the tab leaves for the warning
    // page before the event reaches the extension or the monitor's next poll.
    const popupRequested = scam.requests.foreign_hosts.includes('popup.sim-ads.fwb.test');
    const opened = !scam.before_click && ((scam.page_events['window-open'] ?? 0) > 0 || popupRequested);
    expect(scam.popups).toBe(opened ? 1 : 0);
    expect(output.leftover_windows).toEqual([]);
  });

  it('serves the case as a secure context, its own images over http', () => {
    // The kit's beacon (an image on its own host, which the case folder lacks) says isSecureContext.
    expect(record('sim-defender-lock').requests.missing_paths).toContain('/errors/0x800VDS/beacon.gif?sc=true');
  });

  it('answers every request locally and charges other hosts to the page that asked', () => {
    const scam = record('sim-defender-lock');
    expect(scam.requests.served).toBeGreaterThanOrEqual(3);
    expect(scam.requests.foreign_hosts).toContain('tracker.sim-ads.fwb.test');
    const https = [...scam.requests.foreign_hosts, ...Object.keys(output.traffic.unattributed)];
    expect(https).toContain('https://cdn.sim-ads.fwb.test');
    expect(record('benign-library-news-ja').requests.foreign).toBe(0);
    // Whatever no running case could be charged with is still the kit's own traffic.
    for (const host of Object.keys(output.traffic.unattributed)) expect(host).toMatch(/sim-ads\.fwb\.test$/);
    expect(output.traffic.unanswered).toBe(0);
  });

  // Needs detection and the warning page (issues #2/#3): fails until they are merged.
  it('DETECTION: blocks the simulated scam and not the benign article (scam 1/1, benign 0/1)', () => {
    expect(lastLine(run.stdout)).toBe('evaluate: scam 1/1 blocked, benign 0/1 flagged');
    const scam = record('sim-defender-lock');
    expect(scam.blocked).toBe(true);
    expect(scam.level).toBe('scam');
    expect(scam.reasons.length).toBeGreaterThan(0);
    expect(record('benign-library-news-ja').blocked).toBe(false);
  });

  it('exits non-zero naming the line of a malformed cases.tsv, before starting a browser', async () => {
    const bad = await evaluate(['--corpus', resolve(ROOT, 'tests/fixtures/mini-corpus-malformed'), '--browser', browserName]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cases.tsv line 3 (broken-row): expected 11 tab-separated columns, found 5');
    expect(bad.stdout).toBe('');
  });

  it('exits non-zero with a clear message when the browser is missing', async () => {
    const env: Record<string, string> = { [browserName === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH']: `/nonexistent/${browserName}` };
    const missing = await evaluate(['--corpus', MINI, '--browser', browserName], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('evaluate: could not run:');
    expect(missing.stderr).toContain('/nonexistent/');
  });
});
