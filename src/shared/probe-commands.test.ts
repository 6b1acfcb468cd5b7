import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProbeCommand } from './probe-commands';

describe('probe commands', () => {
  it.each([
    [{ command: 'disarm' }, { command: 'disarm' }],
    [{ command: 'disarm', extra: 1 }, { command: 'disarm' }],
    [{ command: 'hold-notifications' }, { command: 'hold-notifications' }],
    [{ command: 'refuse-fullscreen', refuse: true }, { command: 'refuse-fullscreen', refuse: true }],
    [{ command: 'refuse-fullscreen', refuse: false, extra: 1 }, { command: 'refuse-fullscreen', refuse: false }],
    [
      { command: 'notification-decision', requestId: '12-34', decision: 'deny' },
      { command: 'notification-decision', requestId: '12-34', decision: 'deny' },
    ],
  ])('parses %o', (raw, expected) => {
    expect(parseProbeCommand(raw)).toEqual(expected);
  });

  it.each([
    null,
    'disarm',
    [],
    { command: 'unknown' },
    { command: 'refuse-fullscreen' },
    { command: 'refuse-fullscreen', refuse: 'yes' },
    { command: 'notification-decision', requestId: 1, decision: 'deny' },
    { command: 'notification-decision', requestId: 'x', decision: 'allow' },
    { command: 'notification-decision', requestId: 'x'.repeat(65), decision: 'deny' },
  ])('rejects %o', (raw) => {
    expect(parseProbeCommand(raw)).toBeNull();
  });

  it('never throws on anything JSON can carry', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void parseProbeCommand(value)));
  });
});
