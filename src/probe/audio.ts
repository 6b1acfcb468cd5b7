// Web Audio (oscillator beeps, looping buffers) and speech synthesis.
import { report } from './channel';
import { counter, tick } from './counter';
import { onDisarm, state } from './disarm';
import { getter, method, promiseThen, SafeWeakMap, textOf, userGesture, wmHas, wmSet } from './safe';
import { answer, type Hook, wrapMethod } from './wrap';

const ignore = (): void => {};

function watchWebAudio(): void {
  if (typeof AudioNode === 'undefined') return;
  const sourceProto = (typeof AudioScheduledSourceNode === 'undefined' ? undefined : AudioScheduledSourceNode.prototype) as
    | object
    | undefined;
  const contextOf = getter<BaseAudioContext>(AudioNode.prototype, 'context');
  const close = method<Promise<void>>(typeof AudioContext === 'undefined' ? undefined : AudioContext.prototype, 'close');
  const frequency = getter<AudioParam>(typeof OscillatorNode === 'undefined' ? undefined : OscillatorNode.prototype, 'frequency');
  const paramValue = getter<number>(typeof AudioParam === 'undefined' ? undefined : AudioParam.prototype, 'value');
  const bufferProto = typeof AudioBufferSourceNode === 'undefined' ? undefined : AudioBufferSourceNode.prototype;
  const bufferLoop = getter<boolean>(bufferProto, 'loop');
  const Oscillator = typeof OscillatorNode === 'undefined' ? undefined : OscillatorNode;
  const BufferSource = typeof AudioBufferSourceNode === 'undefined' ? undefined : AudioBufferSourceNode;
  const Destination = typeof AudioDestinationNode === 'undefined' ? undefined : AudioDestinationNode;

  const contexts: BaseAudioContext[] = [];
  const known = new SafeWeakMap<object, true>();
  const track = (node: unknown) => {
    const context = contextOf(node);
    if (context && !wmHas(known, context) && contexts.length < 100) {
      wmSet(known, context, true);
      contexts[contexts.length] = context;
    }
  };
  const oscillators = counter();
  const buffers = counter();
  let loopReported = false;

  const onStart: Hook = (self) => {
    if (state.disarmed) return answer(undefined);
    track(self);
    if (Oscillator && self instanceof Oscillator) {
      if (tick(oscillators)) {
        const hz = paramValue(frequency(self));
        report({ kind: 'oscillator', count: oscillators.count, userGesture: userGesture(), ...(typeof hz === 'number' ? { frequency: hz } : {}) });
      }
    } else if (BufferSource && self instanceof BufferSource) {
      const looping = bufferLoop(self) === true;
      if (looping && !loopReported) {
        loopReported = true;
        report({ kind: 'audio-loop', source: 'webaudio', detail: 'buffer-loop', count: buffers.count + 1, userGesture: userGesture() });
      }
      if (tick(buffers) && buffers.count >= 3) {
        report({ kind: 'audio-loop', source: 'webaudio', detail: 'buffer-repeat', count: buffers.count, userGesture: userGesture() });
      }
    }
  };
  wrapMethod(sourceProto, 'start', onStart);
  // AudioBufferSourceNode declares its own start(when, offset, duration).
  if (bufferProto && Object.getOwnPropertyDescriptor(bufferProto, 'start')) wrapMethod(bufferProto, 'start', onStart);
  // Tracks contexts that make sound some other way (worklets, media sources); once
  // disarmed, nothing new reaches the speakers.
  wrapMethod(AudioNode.prototype, 'connect', (self, args) => {
    if (state.disarmed && Destination && args[0] instanceof Destination) return answer(args[0]);
    track(self);
  });
  onDisarm(() => {
    for (let i = 0; i < contexts.length; i++) {
      const closing = close(contexts[i]);
      if (closing) promiseThen(closing, undefined, ignore);
    }
  });
}

// Wrapped on the interface, without reading window.speechSynthesis: in Chromium that creates
// the frame's speech service (a connection to the browser), which most pages never use.
function watchSpeech(): void {
  if (typeof SpeechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
  const proto = SpeechSynthesis.prototype;
  const cancel = method(proto, 'cancel');
  const text = getter<string>(SpeechSynthesisUtterance.prototype, 'text');
  const lang = getter<string>(SpeechSynthesisUtterance.prototype, 'lang');
  const spoken = counter();
  let lastText = '';
  let distinctReports = 0;
  let used: SpeechSynthesis | undefined;
  wrapMethod(proto, 'speak', (self, args) => {
    if (state.disarmed) return answer(undefined);
    used = self as SpeechSynthesis;
    const said = textOf(text(args[0]));
    const isNew = said !== lastText && distinctReports < 10;
    if (!tick(spoken) && !isNew) return;
    if (isNew) distinctReports++;
    lastText = said;
    report({ kind: 'speech', text: said, lang: textOf(lang(args[0]), 40), count: spoken.count });
  });
  // Only a page that spoke has anything to cancel (the content script cancels speech it did not see).
  onDisarm(() => {
    if (used) cancel(used);
  });
}

export function watchAudio(): void {
  watchWebAudio();
  watchSpeech();
}
