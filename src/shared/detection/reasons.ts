// Turns findings into reasons: i18n keys (src/locales/*/reasons.json) with
// parameters, a category and a weight. Each rule names corpus cases that exercise it.
import type { Reason } from '../verdict';
import type { ContentFindings } from './analyse';
import type { BehaviourSummary } from './behaviour';
import { matchForm } from './normalize';
import { readSignals } from './text-signals';
import type { UrlFacts } from './url-facts';

const reason = (key: string, category: Reason['category'], weight: number, ...params: string[]): Reason => ({ key, params, category, weight });

/** LOCK, ALARM, TRAP and LURE: what the page did. */
export function behaviourReasons(b: BehaviourSummary): Reason[] {
  const reasons: Reason[] = [];
  // Full screen of the whole page, not of a video or a game canvas (ms-lock-*, apple-lock-*; benign: plyr__demo, mdn-dom__fullscreen-api).
  if (b.fullscreen.document > 0) reasons.push(reason('reasonFullscreenPage', 'lock', 3));
  // A page part (a gallery, a slide) going full screen is weaker: alone it is not a lock.
  else if (b.fullscreen.other > 0) reasons.push(reason('reasonFullscreenElement', 'lock', 1.5));
  // Esc captured: the visitor cannot leave full screen (tapa kit; benign: gchrome__fullscreen-keyboard-lock, novnc__vnc).
  if (b.keyboardLock > 0) reasons.push(b.keyboardLockEscape ? reason('reasonKeyboardLockEscape', 'lock', 3) : reason('reasonKeyboardLock', 'lock', 2));
  const pointerLock = b.pointerLock.document + b.pointerLock.other + b.pointerLock.video;
  if (pointerLock > 0) reasons.push(reason('reasonPointerLock', 'lock', 2));
  if (b.cursorHidden > 0) reasons.push(reason('reasonCursorHidden', 'lock', 1));
  if (b.swallowedKeys.length > 0) reasons.push(reason('reasonKeysBlocked', 'lock', 2, b.swallowedKeys.slice(0, 5).join(', ')));
  if (b.windowMove > 0) reasons.push(reason('reasonWindowMove', 'lock', 1));
  if (b.contextmenuBlock > 0) reasons.push(reason('reasonContextMenuBlocked', 'lock', 0.5));
  // Alarms (every kit with an <audio loop>; benign: mdn-webaudio__*).
  if (b.audioLoop > 0) reasons.push(reason('reasonAudioLoop', 'alarm', 2));
  if (b.oscillator > 0) reasons.push(reason('reasonOscillator', 'alarm', 1.5));
  if (b.speech.length > 0) reasons.push(reason('reasonSpeech', 'alarm', 2, b.speech[0] ?? ''));
  // Traps (benign alone: codedance__jquery-are-you-sure-demo, mdn-dom__history-api).
  if (b.beforeunload > 0) reasons.push(reason('reasonBeforeUnload', 'trap', 1));
  if (b.historyPush >= 3) reasons.push(reason('reasonHistoryFlood', 'trap', 2, String(b.historyPush)));
  if (b.dialogs >= 2) reasons.push(reason('reasonDialogLoop', 'trap', 2, String(b.dialogs)));
  if (b.windowOpen >= 3) reasons.push(reason('reasonWindowFlood', 'trap', 2, String(b.windowOpen)));
  // Notification prompts (notif-en-redringofb-captcha; benign: gchrome__notifications-*).
  if (b.notificationRequest > 0) reasons.push(reason('reasonNotificationRequest', 'lure', 1));
  return reasons;
}

/** CLAIM, BRAND, CALL: what the page says, including what it speaks or puts in dialogs. */
export function contentReasons(content: ContentFindings, b: BehaviourSummary): Reason[] {
  const signals = structuredClone(content.signals);
  for (const text of [...b.speech, ...b.dialogTexts]) readSignals(matchForm(text), signals);
  const reasons: Reason[] = [];
  const claimKeys: Record<string, string> = {
    infected: 'reasonClaimInfected', blocked: 'reasonClaimBlocked', hacked: 'reasonClaimHacked', dontClose: 'reasonClaimDontClose',
    expired: 'reasonClaimExpired', dataAtRisk: 'reasonClaimDataAtRisk', illegal: 'reasonClaimIllegal',
  };
  for (const [concept, phrase] of Object.entries(signals.claims)) {
    const key = claimKeys[concept];
    if (key && phrase) reasons.push(reason(key, 'claim', 1, phrase));
  }
  if (signals.errorCode) reasons.push(reason('reasonErrorCode', 'claim', 1, signals.errorCode));
  // Fake scans: scan words, listed malware names (avscan-en-vikram140-mcafee-2), progress bars.
  const fakeScan = signals.scan || signals.malwareNames.length >= 2;
  if (fakeScan || content.progressBars > 0) reasons.push(reason('reasonFakeScan', 'claim', fakeScan ? 1 : 0.5));
  if (signals.countdown) reasons.push(reason('reasonCountdown', 'claim', 0.5));
  if (signals.ipShown) reasons.push(reason('reasonIpShown', 'claim', 1, signals.ipShown));
  if (signals.lure) reasons.push(reason('reasonLureText', 'lure', 2));

  const brand = signals.brands[0];
  const phone = content.phones[0];
  const pushed = phone && (phone.prominent || phone.callWords || phone.tollFree);
  if (brand && phone) reasons.push(reason('reasonBrandPhone', 'call', pushed ? 2.5 : 1.5, brand, phone.display));
  else if (phone) reasons.push(reason(pushed ? 'reasonPhonePushed' : 'reasonPhone', 'call', pushed ? 2 : 1, phone.display));
  if (brand) reasons.push(reason('reasonBrand', 'brand', 1.5, signals.brands.slice(0, 3).join(', ')));
  if (content.cssLogo) reasons.push(reason('reasonLogo', 'brand', 1.5));
  return reasons;
}

/** PLACE: the address (ms-lock-ja-msonlineco-* came from *.web.core.windows.net). */
export function placeReasons(facts: UrlFacts): Reason[] {
  const reasons: Reason[] = [];
  if (facts.rawIp) reasons.push(reason('reasonRawIpHost', 'place', 1.5, facts.host));
  if (facts.sharedHosting && facts.throwawayLabel) reasons.push(reason('reasonThrowawayHost', 'place', 1.5, facts.host));
  return reasons;
}

