import { describe, expect, it } from 'vitest';
import { blockIdFromBytes, blockIdFromUrl, isBlockId } from './block-id';

describe('block ids', () => {
  it('are 32 lower-case hex digits made from 16 bytes', () => {
    const id = blockIdFromBytes(Uint8Array.from({ length: 16 }, (_, i) => i * 17));
    expect(id).toBe('00112233445566778899aabbccddeeff');
    expect(isBlockId(id)).toBe(true);
  });
  it('refuse a wrong number of bytes', () => {
    expect(() => blockIdFromBytes(new Uint8Array(8))).toThrow();
  });
  it('reject anything else', () => {
    for (const bad of ['', 'ABCDEF0123456789abcdef0123456789', `${'a'.repeat(31)}`, `${'a'.repeat(33)}`, 'a'.repeat(31) + 'g', null, 42]) {
      expect(isBlockId(bad)).toBe(false);
    }
  });
  it('are read from the query of a warning-page URL only when well formed', () => {
    const id = 'a'.repeat(32);
    expect(blockIdFromUrl(`chrome-extension://x/src/ui/warning/index.html?block=${id}`)).toBe(id);
    expect(blockIdFromUrl(`chrome-extension://x/src/ui/warning/index.html?block=${id}x`)).toBeNull();
    expect(blockIdFromUrl('chrome-extension://x/src/ui/warning/index.html')).toBeNull();
    expect(blockIdFromUrl('::')).toBeNull();
  });
});
