import { describe, expect, it } from 'vitest';
import {
  emptySite,
  MAX_REFUSALS,
  noticeState,
  pruneSites,
  recentRefusals,
  REFUSAL_MEMORY_MS,
  siteState,
  withBlock,
  withoutBlock,
  withRefusal,
} from './sites';

const NOW = 1_700_000_000_000;
const site = (origin = 'https://a.example') => emptySite(origin, NOW - 1000);

describe('notification sites', () => {
  it('names the state a site is in, most telling first', () => {
    expect(siteState(site())).toBeNull();
    expect(siteState(withRefusal(site(), ['no-gesture'], NOW))).toEqual({ state: 'refused', since: NOW });
    expect(siteState({ ...site(), grantedAt: NOW - 5 })).toEqual({ state: 'granted', since: NOW - 5 });
    const blocked = withBlock({ ...site(), grantedAt: NOW - 5 }, 'extension', ['lure-text'], NOW);
    expect(siteState(blocked)).toEqual({ state: 'blocked', since: NOW });
    expect(siteState({ ...blocked, revokedAt: NOW + 1 })).toEqual({ state: 'revoked', since: NOW + 1 });
    expect(siteState({ ...blocked, keptAt: NOW + 2 })).toEqual({ state: 'kept', since: NOW + 2 });
    expect(siteState({ ...blocked, keptAt: NOW + 2, grantedAt: undefined })).toEqual({ state: 'blocked', since: NOW });
  });

  it('remembers the last refusals for a week', () => {
    let s = site();
    for (let i = 0; i < MAX_REFUSALS + 5; i++) s = withRefusal(s, ['no-gesture'], NOW - REFUSAL_MEMORY_MS + i * 1000);
    expect(s.refusals).toHaveLength(MAX_REFUSALS);
    expect(recentRefusals(s, NOW)).toBe(MAX_REFUSALS);
    expect(recentRefusals(s, NOW + REFUSAL_MEMORY_MS)).toBe(0);
    expect(recentRefusals(undefined, NOW)).toBe(0);
  });

  it('forgets a block, its refusals and revocation when the user unblocks', () => {
    const blocked = { ...withBlock(withRefusal({ ...site(), grantedAt: 1 }, ['no-gesture'], NOW), 'extension', ['scam-page'], NOW), revokedAt: NOW };
    const unblocked = withoutBlock(blocked, NOW + 1);
    expect(unblocked).toEqual({ origin: 'https://a.example', grantedAt: 1, reasons: [], refusals: [], updatedAt: NOW + 1 });
    expect(siteState(unblocked)?.state).toBe('granted');
  });

  it('keeps every blocked site when pruning, then the most recently changed', () => {
    const sites = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => {
        const base = emptySite(`https://s${i}.example`, NOW + i);
        return [base.origin, i === 0 ? withBlock(base, 'user', [], 0) : base];
      }),
    );
    expect(Object.keys(pruneSites(sites, 3)).sort()).toEqual(['https://s0.example', 'https://s4.example', 'https://s5.example']);
    expect(pruneSites(sites, 10)).toBe(sites);
  });

  it('tells the warning page only what happened around this block', () => {
    const blockedAt = NOW;
    expect(noticeState(undefined, blockedAt)).toBe('none');
    expect(noticeState({ ...site(), revokedAt: NOW - 50 }, blockedAt)).toBe('revoked');
    expect(noticeState({ ...site(), keptAt: NOW + 50 }, blockedAt)).toBe('kept');
    expect(noticeState(withRefusal(site(), ['lure-text'], NOW - 1000), blockedAt)).toBe('refused');
    expect(noticeState(withBlock(site(), 'extension', ['lure-text'], NOW - 1000), blockedAt)).toBe('refused');
    // A revocation from an earlier visit, days ago, is not news on today's warning.
    expect(noticeState({ ...site(), revokedAt: NOW - 3 * 24 * 3600_000 }, blockedAt)).toBe('none');
    // A site the user blocked by hand did not "ask on this page".
    expect(noticeState(withBlock(site(), 'user', [], NOW - 1000), blockedAt)).toBe('none');
  });
});
