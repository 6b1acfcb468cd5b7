import { describe, expect, it, vi } from 'vitest';
import { LOOK_COMMAND } from '../shared/messages/detection';
import type { ProbeEvent } from '../shared/probe-events';
import { ASK_AGAIN_MS, askFramesToLook, shouldAskFrames } from './frames-look';

const sent = vi.hoisted(() => [] as Array<{ tabId: number; message: unknown; options: unknown }>);
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      sendMessage: async (tabId: number, message: unknown, options?: unknown) => {
        sent.push({ tabId, message, options });
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
  },
}));

const fullscreen: ProbeEvent = { kind: 'fullscreen-request', target: 'document', userGesture: true };
const cursor: ProbeEvent = { kind: 'cursor-hidden' };

describe('shouldAskFrames', () => {
  it('asks when a frame does what a lock screen does, not for other events', () => {
    expect(shouldAskFrames(1, [cursor], 0)).toBe(false);
    expect(shouldAskFrames(1, [cursor, fullscreen], 0)).toBe(true);
  });

  it('asks a tab again only after a while (frames added later), each tab on its own', () => {
    expect(shouldAskFrames(2, [fullscreen], 10_000)).toBe(true);
    expect(shouldAskFrames(2, [fullscreen], 10_000 + ASK_AGAIN_MS - 1)).toBe(false);
    expect(shouldAskFrames(3, [fullscreen], 10_000 + ASK_AGAIN_MS - 1)).toBe(true);
    expect(shouldAskFrames(2, [fullscreen], 10_000 + ASK_AGAIN_MS)).toBe(true);
  });

  it('remembers a bounded number of tabs, forgetting the oldest', () => {
    for (let tab = 100; tab < 400; tab++) expect(shouldAskFrames(tab, [fullscreen], 50_000)).toBe(true);
    // The oldest were forgotten: asked again at once; the newest are still remembered.
    expect(shouldAskFrames(100, [fullscreen], 50_001)).toBe(true);
    expect(shouldAskFrames(399, [fullscreen], 50_001)).toBe(false);
  });
});

describe('askFramesToLook', () => {
  it('sends the look command to every frame of the tab (no frameId), and a tab without listeners is no error', async () => {
    askFramesToLook(7, [{ kind: 'dialog', dialog: 'alert', count: 1, text: 'Your PC is infected' }], 90_000);
    askFramesToLook(8, [cursor], 90_000);
    await Promise.resolve();
    expect(sent).toEqual([{ tabId: 7, message: LOOK_COMMAND, options: undefined }]);
  });
});
