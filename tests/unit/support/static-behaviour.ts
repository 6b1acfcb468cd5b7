// APPROXIMATION used only by the corpus grid test: the unit tests cannot run a
// page's scripts (they are live scam kits, and happy-dom is no browser), so this
// reads the page's own scripts and inline handlers and guesses which probe events
// a first click would trigger. It assumes that any hostile API the code names is
// called, on the target named near the call: generous for scams and harsh for
// benign pages (a video player that CAN go full screen is counted as going full
// screen). The real behaviour is measured by the probe in the e2e tests.
import type { FullscreenTarget, ProbeEvent } from '../../../src/shared/probe-events';

const near = (code: string, index: number, radius = 300) => code.slice(Math.max(0, index - radius), index + radius);

function targetNear(context: string): FullscreenTarget {
  if (/documentElement|document\.body|['"]body['"]|\(\s*document\s*\)/.test(context)) return 'document';
  if (/canvas|domElement|renderer/i.test(context)) return 'canvas';
  if (/video|player|media/i.test(context)) return 'video';
  return 'other';
}

const HOSTILITY: FullscreenTarget[] = ['video', 'canvas', 'other', 'document'];
function mostHostile(targets: FullscreenTarget[]): FullscreenTarget {
  return targets.sort((a, b) => HOSTILITY.indexOf(b) - HOSTILITY.indexOf(a))[0] ?? 'other';
}

const LOOP = /\b(?:for|while)\s*\(|setInterval|setTimeout/;

function stringArg(code: string, index: number): string {
  return /^\s*\(\s*(["'`])((?:(?!\1).){1,300})\1/.exec(code.slice(index))?.[2] ?? '';
}

export function staticBehaviour(scripts: string, html: string): ProbeEvent[] {
  const events: ProbeEvent[] = [];
  const all = `${scripts}\n${html}`;

  const fullscreen = [...scripts.matchAll(/requestfullscreen/gi)].map((m) => targetNear(near(scripts, m.index)));
  if (fullscreen.length) events.push({ kind: 'fullscreen-request', target: mostHostile(fullscreen), userGesture: true });

  for (const m of scripts.matchAll(/keyboard\s*(?:\.|\[['"])\s*lock['"]?\]?\s*\(/g)) {
    const args = scripts.slice(m.index + m[0].length, m.index + m[0].length + 200);
    events.push({ kind: 'keyboard-lock', keys: [], includesEscape: /^\s*\)/.test(args) || /Escape/.test(args) });
    break;
  }
  const pointer = [...scripts.matchAll(/requestpointerlock/gi)].map((m) => targetNear(near(scripts, m.index)));
  if (pointer.length) events.push({ kind: 'pointer-lock', target: mostHostile(pointer) });
  if (/cursor\s*:\s*none/i.test(all)) events.push({ kind: 'cursor-hidden' });
  if (/<audio[^>]*\sloop/i.test(html) || /\.loop\s*=\s*(?:true|!0|1)|['"]loop['"]\s*,\s*(?:true|!0|['"]loop)/i.test(scripts)) {
    events.push({ kind: 'audio-loop', source: 'media', detail: 'static' });
  }
  if (/createOscillator/.test(scripts)) events.push({ kind: 'oscillator' });
  const speech = /SpeechSynthesisUtterance/.exec(scripts);
  if (speech) events.push({ kind: 'speech', text: stringArg(scripts, speech.index + speech[0].length) || '…', lang: '' });
  if (/onbeforeunload|['"]beforeunload['"]/i.test(all)) events.push({ kind: 'beforeunload' });

  const pushes = [...scripts.matchAll(/pushState/g)];
  if (pushes.length) {
    const flood = pushes.length >= 3 || pushes.some((m) => LOOP.test(near(scripts, m.index, 200)));
    events.push({ kind: 'history-push', count: flood ? 10 : 1 });
  }
  const dialogs = [...all.matchAll(/(?<![\w.$])(?:window\.)?(alert|confirm|prompt)\s*(?=\()/g)];
  if (dialogs.length) {
    const looped = dialogs.length >= 3 || dialogs.some((m) => LOOP.test(near(all, m.index, 200)));
    const first = dialogs[0];
    const text = first ? stringArg(all, first.index + first[0].length) : '';
    events.push({ kind: 'dialog', dialog: 'alert', count: looped ? 3 : 1, text });
  }
  const opens = [...scripts.matchAll(/window\.open\s*\(/g)];
  if (opens.some((m) => LOOP.test(near(scripts, m.index, 200)))) events.push({ kind: 'window-open', count: 3 });
  if (/contextmenu[\s\S]{0,200}(?:preventDefault|return\s*(?:false|!1))|oncontextmenu\s*=\s*["']?\s*return\s+false/i.test(all)) {
    events.push({ kind: 'contextmenu-block' });
  }
  const keys = [...scripts.matchAll(/keydown[\s\S]{0,400}?preventDefault/g)].flatMap((m) => {
    const context = m[0];
    const found: string[] = [];
    if (/Escape|keyCode\s*===?\s*27|which\s*===?\s*27/.test(context)) found.push('Escape');
    if (/F11|keyCode\s*===?\s*122/.test(context)) found.push('F11');
    return found;
  });
  if (keys.length) events.push({ kind: 'key-swallow', keys: [...new Set(keys)] });
  if (/Notification\.requestPermission|pushManager\.subscribe/.test(scripts)) {
    events.push({ kind: 'notification-request', api: 'Notification', userGesture: false, count: 1 });
  }
  return events;
}
