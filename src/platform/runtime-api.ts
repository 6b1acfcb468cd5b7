// The few runtime calls that content scripts need, without webextension-polyfill:
// the polyfill is ~10 KB that every frame of every page would parse and run.
// Chrome MV3 returns promises from runtime.sendMessage like Firefox does; only
// onMessage differs (Chrome ignores a returned promise), so listeners here answer
// through sendResponse, which both browsers support.

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Answers with `sendResponse` (synchronously, or later after returning true) and returns
 * whether it will answer later. A message it does not handle: return false, never answer.
 */
export type MessageListener = (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean;

export interface RuntimeApi {
  readonly id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

interface ExtensionGlobals {
  browser?: { runtime?: RuntimeApi };
  chrome?: { runtime?: RuntimeApi };
}

/**
 * The browser's runtime API, chosen by build target rather than `browser ?? chrome`: in
 * Chrome a page's `<div id="browser">` shows through as a named property of the window,
 * even in the content script's isolated world. Read on each call: after the extension is
 * updated or reloaded an orphaned content script loses it, and callers must see that.
 */
export function runtimeApi(): RuntimeApi {
  const globals = globalThis as ExtensionGlobals;
  const runtime = (__BUILD_TARGET__ === 'firefox' ? globals.browser : globals.chrome)?.runtime;
  if (!runtime) throw new Error('No extension runtime (the extension was reloaded or removed)');
  return runtime;
}
