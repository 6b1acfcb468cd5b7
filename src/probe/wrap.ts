// Replaces methods and setters with wrappers that report and then behave exactly
// like the originals: same `this`, arguments, return value and exceptions, the same
// `name` and `length`, and a `toString()` that reads like the native function's.
import { apply, defineProperty, findDescriptor, getOwnPropertyDescriptor, SafeWeakMap, strSlice, wmGet, wmHas, wmSet } from './safe';

type Fn = (...args: unknown[]) => unknown;

/** A hook's way to answer instead of the original (used once disarmed, or to hold a request). */
export interface Override {
  value: unknown;
}
export const answer = (value: unknown): Override => ({ value });

/** Runs before the original; returning an Override skips the original. Errors are swallowed. */
export type Hook = (self: unknown, args: unknown[], original: Fn) => Override | undefined | void;

const nativeToString = Function.prototype.toString;
const disguised = new SafeWeakMap<object, string>();

function disguise(wrapped: Fn, original: Fn): void {
  wmSet(disguised, wrapped, apply(nativeToString, original, []) as string);
  // 'length' first: SpiderMonkey creates these lazily, in the order they are touched, and
  // natives list them as length, name (Reflect.ownKeys would tell).
  defineProperty(wrapped, 'length', { value: original.length });
  defineProperty(wrapped, 'name', { value: original.name });
}

// Every frame's probe runs this same code, so a wrapper from another frame has exactly the
// source text of ours. A page reading one frame's wrappers through another frame's
// Function.prototype.toString (a fresh iframe) would see that text: such functions get the
// native form instead, built from their own name the way this engine prints natives.
const sourceTexts: string[] = [];
const nativeSample = apply(nativeToString, Object.prototype.hasOwnProperty, []) as string;
const namedAt = nativeSample.indexOf('hasOwnProperty');
const nativePrefix = strSlice(nativeSample, 0, namedAt);
const nativeSuffix = strSlice(nativeSample, namedAt + 'hasOwnProperty'.length);

function ownName(fn: object): string {
  const value = getOwnPropertyDescriptor(fn, 'name')?.value as unknown;
  return typeof value === 'string' ? value : '';
}

function textOf(self: unknown): string {
  if ((typeof self === 'function' || typeof self === 'object') && self !== null && wmHas(disguised, self)) {
    return wmGet(disguised, self) as string;
  }
  const text = apply(nativeToString, self, []) as string;
  for (let i = 0; i < sourceTexts.length; i++) {
    if (text === sourceTexts[i]) return nativePrefix + ownName(self as object) + nativeSuffix;
  }
  return text;
}

function patchToString(): void {
  const replacement = {
    toString(this: unknown): string {
      return textOf(this);
    },
  }.toString as Fn;
  sourceTexts[sourceTexts.length] = apply(nativeToString, replacement, []) as string;
  disguise(replacement, nativeToString as Fn);
  defineProperty(Function.prototype, 'toString', { value: replacement, writable: true, configurable: true, enumerable: false });
}
patchToString();

/** Runs after the original returned (not when it threw); errors are swallowed. */
export type After = (self: unknown, args: unknown[]) => void;

function makeWrapper(original: Fn, hook: Hook, after?: After): Fn {
  const wrapped = wrapperFor(original, hook, after);
  if (sourceTexts.length < 2) sourceTexts[sourceTexts.length] = apply(nativeToString, wrapped, []) as string;
  disguise(wrapped, original);
  return wrapped;
}

// One wrapper source for every use: other frames recognise wrappers by this text.
function wrapperFor(original: Fn, hook: Hook, after: After | undefined): Fn {
  const wrapped = {
    wrapper(this: unknown, ...args: unknown[]): unknown {
      let override: Override | undefined | void;
      try {
        override = hook(this, args, original);
      } catch {
        // The probe never breaks the page.
      }
      if (override) return override.value;
      if (!after) return apply(original, this, args);
      const result = apply(original, this, args);
      try {
        after(this, args);
      } catch {
        // The probe never breaks the page.
      }
      return result;
    },
  }.wrapper as Fn;
  return wrapped;
}

/**
 * Wraps the method `name` of `owner`, where it is defined (on `owner` or a prototype);
 * returns the original, or undefined when absent.
 */
export function wrapMethod(owner: object | undefined | null, name: string, hook: Hook, after?: After): Fn | undefined {
  const found = findDescriptor(owner, name);
  if (!found) return undefined;
  const [holder, descriptor] = found;
  const original = descriptor.value as unknown;
  if (typeof original !== 'function') return undefined;
  try {
    defineProperty(holder, name, { ...descriptor, value: makeWrapper(original as Fn, hook, after) });
  } catch {
    return undefined;
  }
  return original as Fn;
}

/** Wraps the getter or setter of accessor `name` found on `owner` or its prototypes (where it is defined). */
export function wrapAccessor(owner: object | undefined | null, name: string, part: 'get' | 'set', hook: Hook): void {
  const found = findDescriptor(owner, name);
  if (!found || typeof found[1][part] !== 'function') return;
  const [holder, descriptor] = found;
  try {
    defineProperty(holder, name, { ...descriptor, [part]: makeWrapper(descriptor[part] as Fn, hook) });
  } catch {
    // A non-configurable property stays as it is.
  }
}

export const wrapSetter = (owner: object | undefined | null, name: string, hook: Hook): void =>
  wrapAccessor(owner, name, 'set', hook);
