import { describe, expect, it } from 'vitest';
import { asNotificationsCommand, NOTIFICATIONS_COMMAND_TYPE } from './commands';

describe('asNotificationsCommand', () => {
  it('reads the two commands', () => {
    const level = { type: NOTIFICATIONS_COMMAND_TYPE, command: 'level', level: 'scam', url: 'https://a.example/' };
    expect(asNotificationsCommand(level)).toEqual(level);
    expect(asNotificationsCommand({ type: NOTIFICATIONS_COMMAND_TYPE, command: 'unsubscribe-push' })).toEqual({
      type: NOTIFICATIONS_COMMAND_TYPE,
      command: 'unsubscribe-push',
    });
  });

  it.each([
    null,
    undefined,
    'fwb-notifications',
    { type: 'fwb-protection-command', command: 'neutralise' },
    { type: NOTIFICATIONS_COMMAND_TYPE, command: 'allow' },
    { type: NOTIFICATIONS_COMMAND_TYPE, command: 'level', level: 'harmless', url: 'https://a.example/' },
    { type: NOTIFICATIONS_COMMAND_TYPE, command: 'level', level: 'scam' },
  ])('ignores %j', (value) => {
    expect(asNotificationsCommand(value)).toBeNull();
  });
});
