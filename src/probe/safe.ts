// Pristine references, captured when the probe starts (before any page script).
// Everything the probe does later goes through these, so a page that replaces or
// deletes globals or prototype methods after load cannot blind or break it.

type Fn = (...args: never[]) => unknown;

export const win = window;
export const doc = document;
export const apply = Reflect.apply;
export const defineProperty = Object.defineProperty;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const getPrototypeOf = Object.getPrototypeOf;
export const isArray = Array.isArray;
export const stringify = JSON.stringify;
export const parseJson = JSON.parse;
export const SafePromise = Promise;
export const SafeCustomEvent = CustomEvent;
export const SafeMouseEvent = MouseEvent;
export const SafeDOMException = DOMException;
export const SafeTypeError = TypeError;
export const SafeWeakMap = WeakMap;
export const SafeUint32Array = Uint32Array;
export const safeSetTimeout = setTimeout;
export const safeClearTimeout = clearTimeout;

const uncurryThis = Function.prototype.bind.bind(Function.prototype.call) as (fn: Fn) => (self: unknown, ...args: unknown[]) => unknown;

/** `method` as a plain function taking `this` first, immune to later changes of `call`/`apply`/prototypes. */
export function uncurry<A extends unknown[], R>(method: (...args: A) => R): (self: unknown, ...args: A) => R {
  return uncurryThis(method as Fn) as (self: unknown, ...args: A) => R;
}

/** Finds a property descriptor on `owner` or its prototype chain. */
export function findDescriptor(owner: object | null | undefined, name: PropertyKey): [object, PropertyDescriptor] | undefined {
  for (let current = owner; current; current = getPrototypeOf(current) as object | null) {
    const descriptor = getOwnPropertyDescriptor(current, name);
    if (descriptor) return [current, descriptor];
  }
  return undefined;
}

/** An uncurried getter; reading a missing one yields undefined instead of throwing. */
export function getter<T = unknown>(owner: object | undefined, name: string): (self: unknown) => T | undefined {
  const get = owner && findDescriptor(owner, name)?.[1].get;
  if (!get) return () => undefined;
  const read = uncurry(get as () => T);
  return (self) => {
    try {
      return read(self);
    } catch {
      return undefined;
    }
  };
}

/** An uncurried method, or a no-op returning undefined when the browser lacks it. */
export function method<R = unknown>(owner: object | undefined, name: string): (self: unknown, ...args: unknown[]) => R | undefined {
  const value = owner && (findDescriptor(owner, name)?.[1].value as unknown);
  return typeof value === 'function' ? uncurry(value as (...args: unknown[]) => R) : () => undefined;
}

export const wmGet = uncurry(WeakMap.prototype.get) as (map: WeakMap<object, unknown>, key: object) => unknown;
export const wmSet = uncurry(WeakMap.prototype.set) as (map: WeakMap<object, unknown>, key: object, value: unknown) => void;
export const wmHas = uncurry(WeakMap.prototype.has) as (map: WeakMap<object, unknown>, key: object) => boolean;
export const promiseThen = uncurry(Promise.prototype.then) as (
  promise: Promise<unknown>,
  onFulfilled?: (value: unknown) => unknown,
  onRejected?: (reason: unknown) => unknown,
) => Promise<unknown>;
export const resolved = Promise.resolve.bind(Promise) as <T>(value: T) => Promise<T>;
export const rejected = Promise.reject.bind(Promise) as (reason: unknown) => Promise<never>;
export const strSlice = uncurry(String.prototype.slice) as (text: string, start: number, end?: number) => string;
export const dispatch = uncurry(EventTarget.prototype.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
type Listen = (target: EventTarget, type: string, listener: (event: Event) => void, options?: boolean | AddEventListenerOptions) => void;
const addListener = uncurry(EventTarget.prototype.addEventListener) as Listen;
/** Listeners on the window and the document, which document.open() removes: see relisten(). */
const onPage: Parameters<Listen>[] = [];

export const listen: Listen = (target, type, listener, options) => {
  if (target === win || target === doc) onPage[onPage.length] = [target, type, listener, options];
  addListener(target, type, listener, options);
};

/** Adds the window's and document's listeners again (the same listener twice is ignored by the browser). */
export function relisten(): void {
  for (let i = 0; i < onPage.length; i++) {
    const [target, type, listener, options] = onPage[i] as Parameters<Listen>;
    addListener(target, type, listener, options);
  }
}
export const stopImmediately = uncurry(Event.prototype.stopImmediatePropagation) as (event: Event) => void;
export const eventType = getter<string>(Event.prototype, 'type');
export const eventTarget = getter<EventTarget | null>(Event.prototype, 'target');
export const defaultPrevented = getter<boolean>(Event.prototype, 'defaultPrevented');
export const relatedTarget = getter<EventTarget | null>(MouseEvent.prototype, 'relatedTarget');
export const eventDetail = getter<unknown>(CustomEvent.prototype, 'detail');
export const localName = getter<string>(Element.prototype, 'localName');
export const documentElement = getter<Element | null>(Document.prototype, 'documentElement');
export const body = getter<HTMLElement | null>(Document.prototype, 'body');
export const createElement = uncurry(Document.prototype.createElement) as (document: Document, tag: string) => HTMLElement;
export const safeCrypto = crypto;
export const randomValues = method<Uint32Array>(safeCrypto, 'getRandomValues') as (crypto: Crypto, array: Uint32Array) => Uint32Array;

const perf = performance;
const performanceNow = method<number>(perf, 'now') as (performance: Performance) => number;
export const now = (): number => performanceNow(perf);

const activation = (navigator as Navigator & { userActivation?: object }).userActivation;
const isActive = getter<boolean>(activation && getPrototypeOf(activation), 'isActive');
/** Whether the current call runs with transient user activation (a click or key press just happened). */
export const userGesture = (): boolean => (activation ? isActive(activation) === true : false);

/** A primitive as text without running page code; objects are not converted (their toString could). */
export function textOf(value: unknown, max = 1000): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.length > max ? strSlice(value, 0, max) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  return '[object]';
}

const ignore = (): void => {};
/**
 * A rejected promise the page may await, already marked handled so nothing logs when it does not.
 * Rejects with a DOMException of that name, or a TypeError for 'TypeError' (as requestFullscreen does).
 */
export function refusal(name = 'NotAllowedError', message = 'Blocked by Fake Warning Blocker'): Promise<never> {
  const promise = rejected(name === 'TypeError' ? new SafeTypeError(message) : new SafeDOMException(message, name));
  promiseThen(promise, undefined, ignore);
  return promise;
}
