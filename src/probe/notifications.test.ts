// @vitest-environment happy-dom
// The hold-for-decision contract of src/probe/notifications.ts, with the content
// script's side played by the test over the private port.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_READY_EVENT, CONTENT_TO_PROBE_EVENT, PROBE_PORT_EVENT, PROBE_TO_CONTENT_EVENT } from '../shared/probe-channel';
import type { ProbeCommand } from '../shared/probe-commands';
import type { ProbeEvent } from '../shared/probe-events';

type Permission = 'default' | 'granted' | 'denied';

// Fresh fakes for every test: the probe wraps them, and a wrapper keeps its module's state.
function fakes() {
  class FakeNotification {
    static state: Permission = 'default';
    static prompts = 0;
    static get permission(): Permission {
      return FakeNotification.state;
    }
    static requestPermission(callback?: (permission: Permission) => void): Promise<Permission> {
      FakeNotification.prompts++;
      callback?.('granted');
      return Promise.resolve('granted');
    }
  }
  class FakePushManager {
    subscribes = 0;
    subscribe(): Promise<string> {
      this.subscribes++;
      return Promise.resolve('subscription');
    }
  }
  return { FakeNotification, FakePushManager };
}
let { FakeNotification, FakePushManager } = fakes();

interface Probe {
  events: Extract<ProbeEvent, { kind: 'notification-request' }>[];
  send(command: ProbeCommand, target?: 'port' | 'document'): void;
  /** Answers each held request synchronously, from the event listener, like a content script that knows. */
  answerWith(decision: 'deny' | 'allow-prompt' | undefined): void;
}

async function loadProbe(): Promise<Probe> {
  vi.resetModules();
  ({ FakeNotification, FakePushManager } = fakes());
  Object.assign(globalThis, { Notification: FakeNotification, PushManager: FakePushManager });
  const { openChannel } = await import('./channel');
  const { watchNotifications } = await import('./notifications');
  openChannel();
  watchNotifications();
  let port: EventTarget | null = null;
  document.addEventListener(PROBE_PORT_EVENT, (event) => (port ??= (event as MouseEvent).relatedTarget));
  document.dispatchEvent(new CustomEvent(CONTENT_READY_EVENT));
  if (!port) throw new Error('no port handed over');
  const connected: EventTarget = port;
  let decision: 'deny' | 'allow-prompt' | undefined;
  const probe: Probe = {
    events: [],
    send(command, target = 'port') {
      (target === 'port' ? connected : document).dispatchEvent(new CustomEvent(CONTENT_TO_PROBE_EVENT, { detail: JSON.stringify(command) }));
    },
    answerWith(value) {
      decision = value;
    },
  };
  connected.addEventListener(PROBE_TO_CONTENT_EVENT, (event) => {
    const parsed = JSON.parse((event as CustomEvent<string>).detail) as ProbeEvent;
    if (parsed.kind !== 'notification-request') return;
    probe.events.push(parsed);
    if (parsed.requestId && decision) probe.send({ command: 'notification-decision', requestId: parsed.requestId, decision });
  });
  return probe;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('notification requests', () => {
  let probe: Probe;
  beforeEach(async () => {
    probe = await loadProbe();
  });

  it('are reported and left alone until the content script asks to hold them', async () => {
    const callback = vi.fn();
    await expect(Notification.requestPermission(callback)).resolves.toBe('granted');
    expect(callback).toHaveBeenCalledWith('granted');
    expect(FakeNotification.prompts).toBe(1);
    expect(probe.events).toEqual([{ kind: 'notification-request', api: 'Notification', userGesture: false, count: 1 }]);
  });

  it('a page cannot switch holding on or answer: commands other than disarm must come through the port', async () => {
    probe.send({ command: 'hold-notifications' }, 'document');
    await expect(Notification.requestPermission()).resolves.toBe('granted');
    expect(probe.events[0]?.requestId).toBeUndefined();
  });

  it('deny answered synchronously: resolves denied like a refusal, calls the legacy callback, shows no prompt', async () => {
    probe.send({ command: 'hold-notifications' });
    probe.answerWith('deny');
    const callback = vi.fn();
    const result = Notification.requestPermission(callback);
    expect(FakeNotification.prompts).toBe(0);
    await expect(result).resolves.toBe('denied');
    expect(callback).toHaveBeenCalledWith('denied');
    expect(Notification.permission).toBe('denied');
    expect(probe.events[0]).toMatchObject({ api: 'Notification', count: 1, requestId: expect.stringMatching(/^\d+-\d+$/) });
    // Push subscriptions are refused the same way once denied.
    await expect(new FakePushManager().subscribe()).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('allow-prompt answered synchronously: the original runs at once, same this, arguments and result', () => {
    probe.send({ command: 'hold-notifications' });
    probe.answerWith('allow-prompt');
    const spy = vi.spyOn(FakeNotification, 'requestPermission');
    const original = FakeNotification.requestPermission;
    const callback = vi.fn();
    const result = Notification.requestPermission(callback);
    expect(FakeNotification.prompts).toBe(1);
    expect(callback).toHaveBeenCalledWith('granted');
    expect(result).toBeInstanceOf(Promise);
    expect(original).toBe(Notification.requestPermission);
    spy.mockRestore();
  });

  it('a later answer within the hold time is applied; without an answer the original runs after the hold time', async () => {
    probe.send({ command: 'hold-notifications' });
    const first = Notification.requestPermission();
    const requestId = probe.events[0]?.requestId as string;
    await sleep(50);
    probe.send({ command: 'notification-decision', requestId, decision: 'deny' });
    await expect(first).resolves.toBe('denied');
    expect(FakeNotification.prompts).toBe(0);

    probe = await loadProbe();
    probe.send({ command: 'hold-notifications' });
    const started = Date.now();
    const second = Notification.requestPermission();
    expect(FakeNotification.prompts).toBe(0);
    await expect(second).resolves.toBe('granted');
    expect(FakeNotification.prompts).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('answers are accepted once, for the right request, and only over the port', async () => {
    probe.send({ command: 'hold-notifications' });
    const request = Notification.requestPermission();
    const requestId = probe.events[0]?.requestId as string;
    probe.send({ command: 'notification-decision', requestId, decision: 'allow-prompt' }, 'document');
    probe.send({ command: 'notification-decision', requestId: 'not-' + requestId, decision: 'allow-prompt' });
    probe.send({ command: 'notification-decision', requestId, decision: 'deny' });
    probe.send({ command: 'notification-decision', requestId, decision: 'allow-prompt' });
    await expect(request).resolves.toBe('denied');
    expect(FakeNotification.prompts).toBe(0);
  });

  it('only requests that would prompt are held, and at most a few at a time', async () => {
    probe.send({ command: 'hold-notifications' });
    const held = Array.from({ length: 7 }, () => Notification.requestPermission());
    // Five held (reported with an id); the sixth and seventh went straight to the browser (and, being
    // between reporting thresholds, were only counted).
    expect(probe.events.map((e) => [e.count, e.requestId !== undefined])).toEqual([[1, true], [2, true], [3, true], [4, true], [5, true]]);
    expect(FakeNotification.prompts).toBe(2);
    FakeNotification.state = 'granted';
    for (let i = 8; i <= 10; i++) await Notification.requestPermission();
    expect(probe.events[5]).toEqual({ kind: 'notification-request', api: 'Notification', userGesture: false, count: 10 });
    await Promise.all(held);
  });

  it('holds push subscriptions too, and denies them with NotAllowedError', async () => {
    probe.send({ command: 'hold-notifications' });
    probe.answerWith('deny');
    const manager = new FakePushManager();
    await expect(manager.subscribe()).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(manager.subscribes).toBe(0);
    expect(probe.events[0]).toMatchObject({ api: 'PushManager', requestId: expect.any(String) });
  });
});
