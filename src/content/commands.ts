// Content-side receiver of the background's commands. 'neutralise' takes back
// from a flagged page everything the isolated world can reach, asks the
// page-world probe to disarm the rest (dialogs, unload, history and window.open
// traps, Web Audio), and keeps it that way for as long as the document lives.
import { type MessageListener, runtimeApi } from '../platform/runtime-api';
import { isLookCommand, isRefuseFullscreenCommand } from '../shared/messages/detection';
import { isProtectionCommand } from '../shared/messages/protection';
import { sendProbeCommand } from './probe-commands';
import { probePort } from './probe-listener';

const SPEECH_CHECK_MS = 200;
let guarded = false;
let neutralised = false;
let probeDisarmed = false;
let cursorStyle: HTMLStyleElement | undefined;

/**
 * Registered at document_start, before any page script can add its own listener, so it
 * runs first: once the page is neutralised it stops the page's beforeunload handlers,
 * and the browser has no "leave this page?" prompt to show (Firefox asks even when an
 * extension navigates or closes the tab).
 */
function guardUnload(): void {
  window.addEventListener(
    'beforeunload',
    (event) => {
      if (neutralised) event.stopImmediatePropagation();
    },
    true,
  );
}

function exitLocks(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  if (document.pointerLockElement) document.exitPointerLock();
  (navigator as Navigator & { keyboard?: { unlock?: () => void } }).keyboard?.unlock?.();
}

function silence(): void {
  for (const media of document.querySelectorAll<HTMLMediaElement>('audio, video')) {
    media.muted = true;
    media.pause();
  }
  globalThis.speechSynthesis?.cancel();
}

function restoreCursor(): void {
  // Once per document (a page that rewrote itself has lost the first one).
  if (cursorStyle?.isConnected) return;
  cursorStyle = document.createElement('style');
  cursorStyle.textContent = 'html, html * { cursor: auto !important; }';
  (document.head ?? document.documentElement).append(cursorStyle);
}

/** Keeps the page neutralised: a page re-entering full screen or restarting sound is stopped again. */
function guard(): void {
  if (guarded) return;
  guarded = true;
  document.addEventListener('fullscreenchange', exitLocks, true);
  document.addEventListener('pointerlockchange', exitLocks, true);
  // Media events do not bubble, but they do pass the document in the capture phase.
  document.addEventListener('play', (event) => silenceMedia(event.target), true);
  document.addEventListener('volumechange', (event) => silenceMedia(event.target), true);
  setInterval(() => {
    if (globalThis.speechSynthesis?.speaking || globalThis.speechSynthesis?.pending) globalThis.speechSynthesis.cancel();
  }, SPEECH_CHECK_MS);
}

function silenceMedia(target: EventTarget | null): void {
  if (!(target instanceof HTMLMediaElement)) return;
  if (!target.muted) target.muted = true;
  if (!target.paused) target.pause();
}

/** The probe stays disarmed for the document's life: asked once it can be reached (its port is connected). */
function disarmProbe(): void {
  if (probeDisarmed || !probePort()) return;
  probeDisarmed = true;
  sendProbeCommand({ command: 'disarm' });
}

/** Idempotent: the background may ask again (it asks every frame, and the top frame once more for its answer). */
export function neutralisePage(): void {
  neutralised = true;
  // Each step on its own: one failing (an API missing in this browser) must not stop the others.
  for (const step of [disarmProbe, exitLocks, silence, restoreCursor, guard]) {
    try {
      step();
    } catch {
      // Keep going.
    }
  }
}

/**
 * Listens for the background's commands (a page to disarm from the start is neutralised by the
 * caller); `look` is told when the tab behaved like a lock screen and its frames should read their text.
 */
export function listenForCommands(look: () => void): void {
  guardUnload();
  const onCommand: MessageListener = (message, sender, sendResponse) => {
    // Only our own background can reach here (web pages cannot message content scripts); check anyway.
    if (sender.id !== runtimeApi().id || sender.tab) return false;
    if (isLookCommand(message)) look();
    if (isRefuseFullscreenCommand(message)) sendProbeCommand({ command: 'refuse-fullscreen', refuse: message.refuse });
    if (!isProtectionCommand(message)) return false;
    neutralisePage();
    sendResponse({ done: true });
    return false;
  };
  runtimeApi().onMessage.addListener(onCommand);
}
