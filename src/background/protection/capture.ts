import browser from 'webextension-polyfill';

const CAPTURE_TIMEOUT_MS = 1500;
const THUMBNAIL_WIDTH = 640;

/**
 * A small JPEG of the tab as it looks now, for the warning page, or null: the tab
 * must be the visible one in its window, and capturing can fail (permissions,
 * rate limits, a minimised window). Never waits more than CAPTURE_TIMEOUT_MS.
 */
export async function captureThumbnail(tab: { active?: boolean; windowId?: number }): Promise<string | null> {
  if (!tab.active || tab.windowId === undefined) return null;
  const capture = browser.tabs
    .captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 70 })
    .then(shrink)
    .catch(() => null);
  const timeout = new Promise<null>((done) => setTimeout(() => done(null), CAPTURE_TIMEOUT_MS));
  return Promise.race([capture, timeout]);
}

async function shrink(dataUrl: string): Promise<string | null> {
  if (!dataUrl.startsWith('data:image/jpeg;base64,')) return null;
  try {
    const raw = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(raw, (c) => c.charCodeAt(0))], { type: 'image/jpeg' }));
    if (bitmap.width <= THUMBNAIL_WIDTH) return dataUrl;
    const height = Math.round((bitmap.height * THUMBNAIL_WIDTH) / bitmap.width);
    const canvas = new OffscreenCanvas(THUMBNAIL_WIDTH, height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, THUMBNAIL_WIDTH, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `data:image/jpeg;base64,${btoa(binary)}`;
  } catch {
    return dataUrl;
  }
}
