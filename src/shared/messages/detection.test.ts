import { describe, expect, it } from 'vitest';
import { parseMessage } from '../protocol';
import { isLookCommand, isRefuseFullscreenCommand, LOOK_COMMAND, refuseFullscreenCommand } from './detection';

const evidence = {
  url: 'http://page.test/',
  lang: 'en',
  title: 'Title',
  blocks: [{ text: 'Hello', px: 16, flags: 4 }],
  attrs: ['logo.png'],
  cssLogo: false,
  progressBars: 0,
  truncated: false,
};

describe('detection messages', () => {
  it('accepts well-formed page content from a content script', () => {
    const message = parseMessage({ type: 'page-content', payload: { docId: 'abcdef12-3456', evidence } }, 'content');
    expect(message.type).toBe('page-content');
  });

  it('drops unknown flag bits and clamps sizes', () => {
    const message = parseMessage(
      { type: 'page-content', payload: { docId: 'abcdef12-3456', evidence: { ...evidence, blocks: [{ text: 'x', px: 1e9, flags: 0xffff }], progressBars: 1e9 } } },
      'content',
    );
    const payload = message.payload as { evidence: typeof evidence };
    expect(payload.evidence.blocks[0]).toEqual({ text: 'x', px: 1000, flags: 15 });
    expect(payload.evidence.progressBars).toBe(1000);
  });

  it.each([
    ['too many blocks', { ...evidence, blocks: Array.from({ length: 401 }, () => ({ text: 'x', px: 0, flags: 0 })) }],
    ['too many characters in total', { ...evidence, blocks: Array.from({ length: 100 }, () => ({ text: 'x'.repeat(600), px: 0, flags: 0 })) }],
    ['a block that is not an object', { ...evidence, blocks: ['text'] }],
    ['a missing field', { ...evidence, cssLogo: undefined }],
  ])('rejects %s', (_what, bad) => {
    expect(() => parseMessage({ type: 'page-content', payload: { docId: 'abcdef12-3456', evidence: bad } }, 'content')).toThrow();
  });

  it('rejects a malformed document id', () => {
    expect(() => parseMessage({ type: 'frame-start', payload: { docId: '<script>' } }, 'content')).toThrow();
  });

  it('takes a frame start with or without the notification permission', () => {
    expect(parseMessage({ type: 'frame-start', payload: { docId: 'abcdef12-3456' } }, 'content').payload).toEqual({ docId: 'abcdef12-3456' });
    expect(parseMessage({ type: 'frame-start', payload: { docId: 'abcdef12-3456', permission: 'denied' } }, 'content').payload).toEqual({
      docId: 'abcdef12-3456',
      permission: 'denied',
    });
  });

  it('over-long strings are cut to size', () => {
    const message = parseMessage({ type: 'page-content', payload: { docId: 'abcdef12-3456', evidence: { ...evidence, title: 'x'.repeat(5000) } } }, 'content');
    expect((message.payload as { evidence: typeof evidence }).evidence.title).toHaveLength(300);
  });
});

describe('service worker to content commands', () => {
  it('tells the full-screen refusal from the look command, and takes neither without its fields', () => {
    expect(isRefuseFullscreenCommand(refuseFullscreenCommand(true))).toBe(true);
    expect(isRefuseFullscreenCommand(refuseFullscreenCommand(false))).toBe(true);
    expect(isRefuseFullscreenCommand(LOOK_COMMAND)).toBe(false);
    expect(isLookCommand(refuseFullscreenCommand(true))).toBe(false);
    for (const bad of [null, 'refuse-fullscreen', { ...refuseFullscreenCommand(true), refuse: 'yes' }, { command: 'refuse-fullscreen', refuse: true }]) {
      expect(isRefuseFullscreenCommand(bad)).toBe(false);
    }
  });
});
