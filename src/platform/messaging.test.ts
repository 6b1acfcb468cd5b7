import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendMessage } from './messaging';
import { runtimeApi } from './runtime-api';

const globals = globalThis as { chrome?: unknown; browser?: unknown };

function stubRuntime(reply: unknown) {
  const runtime = { id: 'ext', getURL: (path: string) => `chrome-extension://ext/${path}`, sendMessage: vi.fn(async () => reply), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } };
  globals.chrome = { runtime };
  return runtime;
}

afterEach(() => {
  delete globals.chrome;
  delete globals.browser;
});

describe('runtimeApi (unit tests run the chrome build)', () => {
  it('uses chrome.runtime, not a `browser` a page can put on the window with <div id="browser">', () => {
    const runtime = stubRuntime(undefined);
    globals.browser = { runtime: { id: 'page', sendMessage: () => Promise.resolve('forged') } };
    expect(runtimeApi()).toBe(runtime);
  });

  it('throws when the runtime is gone (the extension was reloaded), so callers can give up', () => {
    expect(() => runtimeApi()).toThrow(/No extension runtime/);
  });
});

describe('sendMessage', () => {
  it('sends {type, payload} and unwraps a successful reply', async () => {
    const runtime = stubRuntime({ ok: true, value: { disarm: false, notifications: null } });
    await expect(sendMessage('frame-start', { docId: 'abcdef12-3456' })).resolves.toEqual({ disarm: false, notifications: null });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'frame-start', payload: { docId: 'abcdef12-3456' } });
  });

  it('turns a refused message into an error carrying the reason', async () => {
    stubRuntime({ ok: false, error: 'message.type: unknown message type' });
    await expect(sendMessage('frame-start', { docId: 'abcdef12-3456' })).rejects.toThrow('message.type: unknown message type');
  });

  it.each([undefined, null, 'text', { value: 1 }])('treats %o as no reply', async (reply) => {
    stubRuntime(reply);
    await expect(sendMessage('frame-start', { docId: 'abcdef12-3456' })).rejects.toThrow("No reply to 'frame-start'");
  });

  it('rejects (never throws synchronously) when the runtime is gone', async () => {
    const sent = sendMessage('frame-start', { docId: 'abcdef12-3456' });
    await expect(sent).rejects.toThrow(/No extension runtime/);
  });
});
