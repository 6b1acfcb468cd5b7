// A block id names one blocked page in one tab. The background makes it from 16
// random bytes; the warning page only ever carries the id, never the verdict, so a
// page that opens the warning page itself learns and changes nothing.

const BLOCK_ID = /^[0-9a-f]{32}$/;

export function blockIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('A block id needs 16 random bytes');
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function isBlockId(value: unknown): value is string {
  return typeof value === 'string' && BLOCK_ID.test(value);
}

export const BLOCK_ID_PARAM = 'block';

/** The block id in a warning-page URL's query, or null. */
export function blockIdFromUrl(url: string): string | null {
  try {
    const id = new URL(url).searchParams.get(BLOCK_ID_PARAM);
    return isBlockId(id) ? id : null;
  } catch {
    return null;
  }
}
