import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipStoredUrl, jsonBytes, STORAGE_BUDGET, STORAGE_LOCAL_QUOTA_BYTES, STORED_URL_MAX_CHARS, utf8Length } from './storage-budget';

describe('storage budget', () => {
  it('adds up to less than Chrome’s 10 MB storage.local quota, with at least 1 MB to spare', () => {
    const total = STORAGE_BUDGET.reduce((sum, line) => sum + line.key.length + line.maxBytes, 0);
    process.stdout.write(`[budget] ${STORAGE_BUDGET.map((line) => `${line.key} ${line.maxBytes}`).join(', ')}; total ${total} of ${STORAGE_LOCAL_QUOTA_BYTES}\n`);
    expect(total).toBeLessThan(STORAGE_LOCAL_QUOTA_BYTES - 1024 * 1024);
  });

  it('names each key once', () => {
    const keys = STORAGE_BUDGET.map((line) => line.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts bytes as UTF-8, like the browser (property-based)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (value, text, binary) => {
        expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(jsonBytes(binary)).toBe(Buffer.byteLength(JSON.stringify(binary), 'utf8'));
      }),
      { numRuns: 300 },
    );
    expect(jsonBytes(undefined)).toBe(0);
    expect(jsonBytes('日本')).toBe(8);
  }, 30_000);

  it('cuts long addresses for small records and leaves short ones alone', () => {
    const long = `https://scam.example/${'a'.repeat(2 * 1024 * 1024)}`;
    expect(clipStoredUrl(long)).toHaveLength(STORED_URL_MAX_CHARS);
    expect(clipStoredUrl(long).startsWith('https://scam.example/')).toBe(true);
    expect(clipStoredUrl('https://ok.example/')).toBe('https://ok.example/');
  });
});
