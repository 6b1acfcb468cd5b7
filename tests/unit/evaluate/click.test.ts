import { describe, expect, it } from 'vitest';
import { CLICK_RETRY_WAIT_MS, CLICK_TRIES, type ClickSteps, clickWithRetries, isPassingClickFailure } from '../../evaluate/click';

// The exact messages the drivers gave.
const FIREFOX_SYNTHESIS =
  'Protocol error (input.performActions): unknown error [Exception... "(null)"  nsresult: "0x80004005 (NS_ERROR_FAILURE)"  ' +
  'location: "JS frame :: chrome://remote/content/external/EventUtils.js :: synthesizeMouseAtPoint :: line 784"  data: no] ' +
  'synthesizeMouseAtPoint@chrome://remote/content/external/EventUtils.js:784:49';
const TIMEOUT = 'the click took longer than 10000 ms';
const CLOSED = 'mouse.click: Target page, context or browser has been closed';

/** A driver whose tries fail as `failures` says (null: the try works), on a fake clock. */
function driver(failures: (string | null)[], options: { blockAfterTry?: number; blockAfterMs?: number } = {}) {
  let clock = 0;
  let tries = 0;
  let blockedAt: number | null = null;
  const steps: ClickSteps = {
    async attempt() {
      tries++;
      const failure = failures[tries - 1] ?? null;
      if (options.blockAfterTry === tries) blockedAt = clock + (options.blockAfterMs ?? 0);
      if (failure) throw new Error(`${failure}\nstack line`);
    },
    blocked: () => blockedAt !== null && clock >= blockedAt,
    stopped: () => false,
    async sleep(ms) {
      clock += ms;
    },
    now: () => clock,
  };
  return { steps, tries: () => tries, clock: () => clock };
}

describe('the victim click', () => {
  it('is made once when the driver delivers it', async () => {
    const fake = driver([null]);
    expect(await clickWithRetries(fake.steps)).toEqual({ tries: 1, error: null });
    expect(fake.clock()).toBe(0);
  });

  it('is tried again when Firefox could not synthesize the event for a moment', async () => {
    const fake = driver([FIREFOX_SYNTHESIS, null]);
    expect(await clickWithRetries(fake.steps)).toEqual({ tries: 2, error: null });
    expect(fake.clock()).toBe(CLICK_RETRY_WAIT_MS);
  });

  it('needs no error when the block navigated the tab while the driver was clicking', async () => {
    const fake = driver([FIREFOX_SYNTHESIS, FIREFOX_SYNTHESIS], { blockAfterTry: 1, blockAfterMs: 150 });
    expect(await clickWithRetries(fake.steps)).toEqual({ tries: 1, error: null });
    expect(fake.tries()).toBe(1);
  });

  it(`is an error, not a pass, when the driver keeps failing for ${CLICK_TRIES} tries`, async () => {
    const fake = driver(Array(10).fill(FIREFOX_SYNTHESIS));
    const outcome = await clickWithRetries(fake.steps);
    expect(outcome.tries).toBe(CLICK_TRIES);
    expect(outcome.error).toMatch(new RegExp(`^click: Protocol error .*NS_ERROR_FAILURE.* \\(${CLICK_TRIES} tries\\)$`));
  });

  it.each([TIMEOUT, CLOSED])('is never repeated after "%s" (it may have been delivered, or the page is gone)', async (failure) => {
    const fake = driver([failure, null], { blockAfterTry: 1 });
    expect(await clickWithRetries(fake.steps)).toEqual({ tries: 1, error: `click: ${failure}` });
    expect(fake.tries()).toBe(1);
  });

  it('stops trying when the case has run out of time', async () => {
    const fake = driver([FIREFOX_SYNTHESIS, null]);
    const outcome = await clickWithRetries({ ...fake.steps, stopped: () => true });
    expect(outcome).toEqual({ tries: 1, error: expect.stringMatching(/^click: .*\(1 try\)$/) });
  });

  it('tells passing driver failures from the rest', () => {
    expect(isPassingClickFailure(FIREFOX_SYNTHESIS)).toBe(true);
    expect(isPassingClickFailure('Protocol error (input.performActions): no such frame')).toBe(true);
    expect(isPassingClickFailure('mouse.click: Execution context was destroyed, most likely because of a navigation')).toBe(true);
    expect(isPassingClickFailure(TIMEOUT)).toBe(false);
    expect(isPassingClickFailure(CLOSED)).toBe(false);
  });
});
