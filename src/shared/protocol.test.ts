import { describe, expect, it } from 'vitest';
import { parseMessage } from './protocol';

describe('parseMessage', () => {
  it('accepts a well-formed content message', () => {
    const message = parseMessage(
      { type: 'probe-events', payload: { events: [{ kind: 'fullscreen-request', target: 'document', userGesture: true }] } },
      'content',
    );
    expect(message).toEqual({
      type: 'probe-events',
      payload: { events: [{ kind: 'fullscreen-request', target: 'document', userGesture: true }] },
    });
  });

  it.each([
    ['not an object', 'hello', /expected an object/],
    ['an unknown type', { type: 'allow-site', payload: {} }, /unknown message type/],
    ['a prototype key as type', { type: 'toString', payload: {} }, /unknown message type/],
    ['a missing payload', { type: 'probe-events' }, /payload: expected an object/],
    ['a malformed event', { type: 'probe-events', payload: { events: [{ kind: 'fullscreen-request' }] } }, /target/],
    ['an unknown event kind', { type: 'probe-events', payload: { events: [{ kind: 'rm -rf' }] } }, /unknown probe event kind/],
    ['too many events', { type: 'probe-events', payload: { events: Array(101).fill({ kind: 'beforeunload' }) } }, /more than 100/],
  ])('rejects %s', (_name, raw, error) => {
    expect(() => parseMessage(raw, 'content')).toThrow(error);
  });

  it('refuses extension-page messages from a content script', () => {
    expect(() => parseMessage({ type: 'get-tab-status', payload: { tabId: 1 } }, 'content')).toThrow(
      /only accepted from extension pages/,
    );
    expect(parseMessage({ type: 'get-tab-status', payload: { tabId: 1 } }, 'extension-page').type).toBe('get-tab-status');
  });

  it('drops fields the schema does not know', () => {
    const message = parseMessage({ type: 'get-tab-status', payload: { tabId: 3, admin: true } }, 'extension-page');
    expect(message.payload).toEqual({ tabId: 3 });
  });
});
