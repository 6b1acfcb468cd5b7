import { describe, expect, it } from 'vitest';
import { parseMessage } from '../protocol';
import { isProtectionCommand, PROTECTION_COMMAND_TYPE } from './protection';

const blockId = '0123456789abcdef0123456789abcdef';

describe('protection messages', () => {
  it('accept warning-page actions from extension pages only', () => {
    for (const type of ['protection-get-block', 'protection-continue', 'protection-allow-site'] as const) {
      expect(parseMessage({ type, payload: { blockId } }, 'extension-page')).toEqual({ type, payload: { blockId } });
      expect(() => parseMessage({ type, payload: { blockId } }, 'content')).toThrow(/only accepted from extension pages/);
    }
    expect(() => parseMessage({ type: 'protection-leave', payload: { blockId, to: 'back' } }, 'content')).toThrow();
  });

  it('refuse malformed block ids and leave targets', () => {
    expect(() => parseMessage({ type: 'protection-continue', payload: { blockId: 'x' } }, 'extension-page')).toThrow(/block id/);
    expect(() => parseMessage({ type: 'protection-continue', payload: {} }, 'extension-page')).toThrow(/block id/);
    expect(() => parseMessage({ type: 'protection-leave', payload: { blockId, to: 'elsewhere' } }, 'extension-page')).toThrow();
  });

  it('recognise the background’s neutralise command and nothing else', () => {
    expect(isProtectionCommand({ type: PROTECTION_COMMAND_TYPE, command: 'neutralise' })).toBe(true);
    expect(isProtectionCommand({ type: PROTECTION_COMMAND_TYPE, command: 'allow' })).toBe(false);
    expect(isProtectionCommand({ type: 'other', command: 'neutralise' })).toBe(false);
    expect(isProtectionCommand(null)).toBe(false);
  });
});
