// The victim's first click, made through a browser driver that sometimes cannot
// deliver it at that moment. Firefox's driver (WebDriver BiDi) fails to synthesize
// the mouse event while the tab is navigating (seen when the extension's block was
// taking the tab to the warning page just then); a window changing full screen is
// thought to do the same. Such a failure is tried again; the
// extension's block arriving meanwhile ends the click without an error, since the
// block is what the case measures. Anything else stays an error, so a broken driver
// still shows in the record.

/**
 * Driver failures that mean "not at this moment": Firefox's event synthesis failing
 * (`synthesizeMouseAtPoint` … `NS_ERROR_FAILURE`), the page's browsing context being
 * replaced by a navigation (BiDi "no such frame", Playwright "Execution context was
 * destroyed"). Time-outs are not among them: a click that hangs may well have been
 * delivered (a dialog loop it started), and a victim's first click is not repeated.
 */
const PASSING = /synthesizeMouseAtPoint|NS_ERROR_FAILURE|no such frame|Execution context was destroyed/i;

export function isPassingClickFailure(message: string): boolean {
  return PASSING.test(message);
}

export interface ClickSteps {
  /** One try: bring the window to front and click (serialised with other cases' clicks). */
  attempt(): Promise<void>;
  /** Whether the extension has blocked the tab by now. */
  blocked(): boolean;
  /** Whether the case has given up (its time ran out). */
  stopped(): boolean;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface ClickOutcome {
  /** Tries made (1 when the first worked). */
  tries: number;
  /** Null when the click was made, or when the block came while the driver was failing to make it. */
  error: string | null;
}

export const CLICK_TRIES = 3;
/** How long after a failed try to watch for the block (the monitor polls every 100 ms) before trying again. */
export const CLICK_RETRY_WAIT_MS = 1_000;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export async function clickWithRetries(steps: ClickSteps): Promise<ClickOutcome> {
  for (let tries = 1; ; tries++) {
    let failure: string;
    try {
      await steps.attempt();
      return { tries, error: null };
    } catch (error) {
      failure = firstLine(error);
    }
    const passing = isPassingClickFailure(failure);
    if (passing) {
      // The tab may be on its way to the warning page: give the monitor time to see it.
      const until = steps.now() + CLICK_RETRY_WAIT_MS;
      while (!steps.blocked() && !steps.stopped() && steps.now() < until) await steps.sleep(50);
      if (steps.blocked()) return { tries, error: null };
    }
    if (!passing || tries >= CLICK_TRIES || steps.stopped()) {
      return { tries, error: `click: ${failure}${passing ? ` (${tries} ${tries === 1 ? 'try' : 'tries'})` : ''}` };
    }
  }
}
