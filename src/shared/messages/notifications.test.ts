import { describe, expect, it } from 'vitest';
import { parseMessage } from '../protocol';

describe('notification messages', () => {
  it('accepts what a content script sends, without duplicate reasons', () => {
    expect(parseMessage({ type: 'notification-permission', payload: { permission: 'granted' } }, 'content').payload).toEqual({ permission: 'granted' });
    expect(
      parseMessage({ type: 'notification-decided', payload: { api: 'Notification', reasons: ['lure-text', 'lure-text', 'no-gesture'], monitored: false } }, 'content')
        .payload,
    ).toEqual({ api: 'Notification', reasons: ['lure-text', 'no-gesture'], monitored: false });
  });

  it.each([
    ['an unknown permission', { type: 'notification-permission', payload: { permission: 'maybe' } }],
    ['an unknown permission at frame start', { type: 'frame-start', payload: { docId: 'abcdef12-3456', permission: 'maybe' } }],
    ['an unknown reason', { type: 'notification-decided', payload: { api: 'Notification', reasons: ['because'], monitored: false } }],
    ['an unknown API', { type: 'notification-decided', payload: { api: 'Geolocation', reasons: [], monitored: false } }],
    ['too many reasons', { type: 'notification-decided', payload: { api: 'Notification', reasons: Array(20).fill('no-gesture'), monitored: false } }],
  ])('rejects %s', (_name, raw) => {
    expect(() => parseMessage(raw, 'content')).toThrow();
  });

  it.each([
    ['notifications-list', {}],
    ['notifications-set-blocked', { origin: 'https://a.example', blocked: false }],
    ['notifications-block-notice', { blockId: '0123456789abcdef0123456789abcdef' }],
  ])('refuses %s from a web page: a page can neither list sites nor unblock itself', (type, payload) => {
    expect(() => parseMessage({ type, payload }, 'content')).toThrow(/only accepted from extension pages/);
    expect(parseMessage({ type, payload }, 'extension-page').type).toBe(type);
  });

  it.each(['https://a.example/', 'https://a.example/path', '*://a.example', 'chrome://settings', 'https://*.example.com', 'a.example'])(
    'takes only a plain http(s) origin to block or unblock, not %s',
    (origin) => {
      expect(() => parseMessage({ type: 'notifications-set-blocked', payload: { origin, blocked: true } }, 'extension-page')).toThrow(/origin/);
    },
  );
});
