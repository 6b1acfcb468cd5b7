import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_DECISIONS } from '../../src/shared/history/entry';
import { describeEntry } from '../../src/shared/history/kinds';
import type { NotificationSiteState } from '../../src/shared/messages/notifications';
import { NOTIFICATION_REASONS } from '../../src/shared/notifications/decide';

// Every message key the notifications feature builds at run time exists in every locale,
// and its own file keeps to its prefix.
const LOCALES = resolve(import.meta.dirname, '../../src/locales');
const messages = (lang: string) =>
  Object.assign({}, ...readdirSync(resolve(LOCALES, lang)).map((file) => JSON.parse(readFileSync(resolve(LOCALES, lang, file), 'utf8')))) as Record<
    string,
    { message: string }
  >;
const STATES: NotificationSiteState[] = ['granted', 'blocked', 'revoked', 'kept', 'refused'];

describe.each(['en', 'ja'])('notification texts in %s', (lang) => {
  const all = messages(lang);

  it('has a sentence for every reason, site state and browser setting', () => {
    const keys = [
      ...NOTIFICATION_REASONS.map((reason) => `notificationsReason_${reason.replace(/-/g, '_')}`),
      ...STATES.map((state) => `notificationsState_${state}`),
      ...['allow', 'block', 'ask'].map((setting) => `notificationsBrowserSetting_${setting}`),
    ];
    for (const key of keys) expect(all[key]?.message, key).toBeTruthy();
  });

  it('describes every decision in the history, naming the site', () => {
    for (const decision of NOTIFICATION_DECISIONS) {
      const described = describeEntry({
        id: 'x',
        time: 0,
        url: '',
        kind: 'notification-decision',
        data: { origin: 'https://a.example', decision, why: [] },
      });
      expect(all[described?.key ?? '']?.message, decision).toContain('$1');
    }
  });

  it('keeps its own keys prefixed', () => {
    const own = JSON.parse(readFileSync(resolve(LOCALES, lang, 'notifications.json'), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(own)) expect(key.startsWith('notifications'), key).toBe(true);
  });
});
