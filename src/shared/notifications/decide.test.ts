import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRequest, type NotificationContext, type RequestFacts } from './decide';

const context = (over: Partial<NotificationContext> = {}): NotificationContext => ({
  protect: true,
  monitor: false,
  blocked: false,
  level: 'safe',
  recentRefusals: 0,
  ...over,
});
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  level: 'safe',
  lure: false,
  arrow: false,
  userGesture: true,
  promptsThisDocument: 0,
  ...over,
});

describe('decideRequest', () => {
  it('lets a chat app asking after a click prompt as usual', () => {
    expect(decideRequest(context(), facts())).toEqual({ decision: 'allow-prompt', reasons: [], block: false, monitored: false });
  });

  it.each([
    ['a scam verdict from the service worker', context({ level: 'scam' }), facts(), ['scam-page']],
    ['a scam verdict seen by the content script', context(), facts({ level: 'scam' }), ['scam-page']],
    ['a suspicious verdict', context({ level: 'suspicious' }), facts(), ['suspicious-page']],
    ['lure text', context(), facts({ lure: true }), ['lure-text']],
    ['an arrow at the prompt', context(), facts({ arrow: true }), ['lure-arrow']],
    ['a third prompt in one document', context(), facts({ promptsThisDocument: 2 }), ['repeated']],
  ] as const)('refuses and blocks the site on %s', (_name, ctx, fact, reasons) => {
    expect(decideRequest(ctx, fact)).toEqual({ decision: 'deny', reasons, block: true, monitored: false });
  });

  it('refuses a request without a user gesture but does not block the site for it', () => {
    expect(decideRequest(context(), facts({ userGesture: false }))).toEqual({
      decision: 'deny',
      reasons: ['no-gesture'],
      block: false,
      monitored: false,
    });
  });

  it('blocks a site that keeps asking without a gesture after being refused, not one the user clicks on', () => {
    expect(decideRequest(context({ recentRefusals: 2 }), facts({ userGesture: false }))).toMatchObject({
      decision: 'deny',
      reasons: ['repeated', 'no-gesture'],
      block: true,
    });
    expect(decideRequest(context({ recentRefusals: 2 }), facts({ userGesture: true })).decision).toBe('allow-prompt');
    expect(decideRequest(context({ recentRefusals: 1 }), facts({ userGesture: false })).block).toBe(false);
  });

  it('refuses every request of a blocked site without blocking it again', () => {
    expect(decideRequest(context({ blocked: true }), facts())).toEqual({ decision: 'deny', reasons: ['site-blocked'], block: false, monitored: false });
  });

  it('records but refuses nothing in monitor mode', () => {
    expect(decideRequest(context({ monitor: true, level: 'scam' }), facts({ lure: true }))).toEqual({
      decision: 'allow-prompt',
      reasons: ['scam-page', 'lure-text'],
      block: false,
      monitored: true,
    });
  });

  it('never interferes when protection is off for the site, whatever the facts', () => {
    const levels = fc.constantFrom('safe' as const, 'suspicious' as const, 'scam' as const);
    fc.assert(
      fc.property(
        levels,
        levels,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat(10),
        fc.nat(10),
        fc.boolean(),
        (ctxLevel, level, lure, arrow, userGesture, prompts, refusals, blocked) => {
          const decision = decideRequest(
            context({ protect: false, level: ctxLevel, recentRefusals: refusals, blocked }),
            facts({ level, lure, arrow, userGesture, promptsThisDocument: prompts }),
          );
          expect(decision).toEqual({ decision: 'allow-prompt', reasons: [], block: false, monitored: false });
        },
      ),
    );
  });

  it('denies exactly when it has a reason, and blocks only for reasons about the site', () => {
    const levels = fc.constantFrom('safe' as const, 'suspicious' as const, 'scam' as const);
    fc.assert(
      fc.property(levels, fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(4), (level, lure, arrow, userGesture, prompts) => {
        const decision = decideRequest(context(), facts({ level, lure, arrow, userGesture, promptsThisDocument: prompts }));
        expect(decision.decision === 'deny').toBe(decision.reasons.length > 0);
        expect(decision.block).toBe(decision.reasons.some((reason) => reason !== 'no-gesture'));
      }),
    );
  });
});
