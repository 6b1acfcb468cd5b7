import { describe, expect, it } from 'vitest';
import { staleTabKeys } from './stale-tab-keys';

describe('records of closed tabs in storage.session', () => {
  const session = {
    'tab:1': {},
    'tab:2': {},
    'chain:2': {},
    'protection-recent:2': [],
    'protection-continued:3': [],
    'protection-tab-block:3': 'b3',
    'protection-block:b3': { tabId: 3, warningTabId: 3 },
    // warn mode: the scam tab (4) is closed, its warning is still open in tab 5.
    'protection-block:b4': { tabId: 4, warningTabId: 5 },
    'protection-block:broken': 'not a record',
    remoteGuardCases: {},
    remoteGuardAllow: [],
    'tab:not-a-number': {},
  };

  it('names the records of tabs that are not open, and only those', () => {
    expect(staleTabKeys(session, new Set([1, 5])).sort()).toEqual(
      ['chain:2', 'protection-block:b3', 'protection-block:broken', 'protection-continued:3', 'protection-recent:2', 'protection-tab-block:3', 'tab:2'].sort(),
    );
  });

  it('keeps everything while every tab is open, and never touches records that are not per tab', () => {
    expect(staleTabKeys(session, new Set([1, 2, 3, 4, 5]))).toEqual(['protection-block:broken']);
    expect(staleTabKeys(session, new Set())).not.toContain('remoteGuardCases');
    expect(staleTabKeys(session, new Set())).not.toContain('tab:not-a-number');
  });
});
