import { describe, expect, it } from 'vitest';
import {
  addFlaggedVisit,
  decideRemoteGuardAction,
  FLAGGED_RETENTION_MS,
  type FlaggedVisit,
  findPhoneNumber,
  findRemoteToolPitch,
  MAX_FLAGGED_VISITS,
  scamContext,
} from './remote-context';
import { jsonBytes, STORAGE_BUDGET, STORED_URL_MAX_CHARS } from './storage-budget';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MIN = 60_000;
const visit = (minutesAgo: number, url = 'http://scam.example.test/lock.html?phone=1888', tabId = 7): FlaggedVisit => ({
  tabId,
  url,
  level: 'scam',
  time: NOW - minutesAgo * MIN,
});

describe('scam context from flagged visits', () => {
  it('is in context within the window after a flagged page', () => {
    const result = scamContext({ now: NOW, windowMinutes: 60, flagged: [visit(59)], sourceUrls: [] });
    expect(result.reasons).toEqual(['recent-flagged-page']);
    expect(result.visit?.tabId).toBe(7);
  });

  it('is not in context once the window has passed', () => {
    expect(scamContext({ now: NOW, windowMinutes: 60, flagged: [visit(61)], sourceUrls: [] }).reasons).toEqual([]);
    expect(scamContext({ now: NOW, windowMinutes: 0, flagged: [visit(1)], sourceUrls: [] }).reasons).toEqual([]);
  });

  it('is in context when opened from a flagged host, even outside the window and with an origin-only referrer', () => {
    const result = scamContext({ now: NOW, windowMinutes: 60, flagged: [visit(300)], sourceUrls: ['http://scam.example.test/'] });
    expect(result.reasons).toEqual(['opened-from-flagged-page']);
  });

  it('does not count another host as the source', () => {
    const result = scamContext({ now: NOW, windowMinutes: 60, flagged: [visit(300)], sourceUrls: ['https://news.example.test/scam.example.test'] });
    expect(result.reasons).toEqual([]);
  });

  it('forgets visits older than the retention and ignores ones from the future', () => {
    const old = visit(FLAGGED_RETENTION_MS / MIN + 1);
    const future = { ...visit(0), time: NOW + 10 * MIN };
    expect(scamContext({ now: NOW, windowMinutes: 100_000, flagged: [old, future], sourceUrls: [old.url] }).reasons).toEqual([]);
  });

  it('keeps the newest visit first, replaces a repeat of the same tab and URL and stays bounded', () => {
    let visits: FlaggedVisit[] = [];
    for (let i = 0; i < MAX_FLAGGED_VISITS + 20; i++) visits = addFlaggedVisit(visits, { ...visit(0, `http://s${i}.test/`), time: NOW + i });
    expect(visits).toHaveLength(MAX_FLAGGED_VISITS);
    expect(visits[0]?.url).toBe(`http://s${MAX_FLAGGED_VISITS + 19}.test/`);
    const again = addFlaggedVisit(visits, { ...visit(0, visits[5]?.url), time: NOW + 1000 });
    expect(again.filter((v) => v.url === visits[5]?.url)).toHaveLength(1);
    expect(again[0]?.url).toBe(visits[5]?.url);
  });
});

describe('policy decision', () => {
  it.each([
    ['off', true, true, 'allow'],
    ['off', true, false, 'allow'],
    ['scam-context', false, true, 'allow'],
    ['scam-context', true, true, 'warn'],
    ['scam-context', true, false, 'block'],
    ['always-warn', false, true, 'warn'],
    ['always-warn', false, false, 'block'],
    ['block', false, true, 'block'],
  ] as const)('mode %s, in context %s, override %s → %s', (mode, inContext, override, action) => {
    expect(decideRemoteGuardAction(mode, inContext, override)).toBe(action);
  });
});

describe('a page that pushes a remote tool with a phone number', () => {
  it('finds an English pitch', () => {
    const text = 'Your PC is at risk. Call our certified technician at +1 (888) 555-0199 and install AnyDesk so we can fix it.';
    expect(findRemoteToolPitch(text, 'http://pc-fix.example.test/')).toEqual({ toolName: 'AnyDesk', phone: '+1 (888) 555-0199', supportTerm: 'technician' });
  });

  it('finds a Japanese pitch with full-width digits', () => {
    const text = 'サポートセンターにお電話ください ０１２０－９９９－１２３ 担当者の指示に従ってチームビューアーを起動してください。';
    const pitch = findRemoteToolPitch(text, 'http://support-jp.example.test/');
    expect(pitch).toMatchObject({ toolName: 'TeamViewer', phone: '0120-999-123' });
  });

  it('needs all three: tool, phone number and support language', () => {
    expect(findRemoteToolPitch('Install AnyDesk and call technician', 'http://x.test/')).toBeNull();
    expect(findRemoteToolPitch('Call our technician at 1-888-555-0199', 'http://x.test/')).toBeNull();
    expect(findRemoteToolPitch('AnyDesk 1-888-555-0199 release notes', 'http://x.test/')).toBeNull();
  });

  it('does not flag the vendor’s own contact page', () => {
    const text = 'TeamViewer customer support: call +49 7161 60692 50 or open a ticket.';
    expect(findRemoteToolPitch(text, 'https://www.teamviewer.com/en/support/contact/')).toBeNull();
    expect(findRemoteToolPitch(text, 'https://it.example.test/help')).not.toBeNull();
  });

  it('does not take a tool name inside another word', () => {
    expect(findRemoteToolPitch('nanydesktop helpdesk 1-888-555-0199', 'http://x.test/')).toBeNull();
  });

  it('reads phone numbers but not IP addresses, dates or short numbers', () => {
    expect(findPhoneNumber('server 192.168.100.200 ok')).toBeNull();
    expect(findPhoneNumber('on 2024-06-28 at 12:30')).toBeNull();
    expect(findPhoneNumber('code 1234-5678')).toBeNull();
    expect(findPhoneNumber('call 050-1234-5678 now')).toBe('050-1234-5678');
    expect(findPhoneNumber('call 1.888.555.0199 now')).toBe('1.888.555.0199');
  });
});

describe('flagged visits within the storage budget', () => {
  it('cuts each address, so 100 visits of pages with megabyte-long addresses stay within their budget line', () => {
    let visits: FlaggedVisit[] = [];
    for (let i = 0; i < MAX_FLAGGED_VISITS + 20; i++) {
      visits = addFlaggedVisit(visits, { tabId: i, url: `http://scam${i}.example.test/?${'x'.repeat(2 * 1024 * 1024)}`, level: 'scam', time: NOW + i });
    }
    expect(visits).toHaveLength(MAX_FLAGGED_VISITS);
    expect(visits.every((v) => v.url.length === STORED_URL_MAX_CHARS)).toBe(true);
    // The host, which the rules compare, is intact.
    expect(scamContext({ now: NOW + 200, windowMinutes: 0, flagged: visits, sourceUrls: ['http://scam119.example.test/'] }).reasons).toEqual(['opened-from-flagged-page']);
    const line = STORAGE_BUDGET.find((entry) => entry.key === 'remoteGuardFlagged');
    expect('remoteGuardFlagged'.length + jsonBytes(visits)).toBeLessThanOrEqual(line?.maxBytes ?? 0);
  });
});
