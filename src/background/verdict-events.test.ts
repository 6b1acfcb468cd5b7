import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAFE_VERDICT } from '../shared/verdict';
import { LISTENER_WAIT_MS, onVerdictChange, publishVerdictChange, type VerdictChange } from './verdict-events';

const change: VerdictChange = { tabId: 1, url: 'http://scam.example.test/', verdict: { ...SAFE_VERDICT, level: 'scam' }, previousLevel: 'safe' };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('verdict hub', () => {
  it('does not wait forever for a listener that never settles, and still runs the others', async () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    onVerdictChange(() => new Promise(() => seen.push('stuck')));
    onVerdictChange(async () => void seen.push('quick'));
    onVerdictChange(() => {
      throw new Error('broken listener');
    });
    let done = false;
    const published = publishVerdictChange(change).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(LISTENER_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await published;
    expect(seen).toEqual(['stuck', 'quick']);
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('verdict listener failed'),
      expect.stringContaining('still running'),
    ]);
  });
});
