// Replaces methods and setters with wrappers that report and then behave exactly
// like the originals: same `this`, arguments, return value and exceptions, the same
// `name` and `length`, and a `toString()` that reads like the native function's.
import { apply, defineProperty, findDescriptor, SafeWeakMap, wmGet, wmHas, wmSet } from './safe';

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
  defineProperty(wrapped, 'name', { value: original.name });
  defineProperty(wrapped, 'length', { value: original.length });
}

function patchToString(): void {
  const replacement = {
    toString(this: unknown): string {
      if ((typeof this === 'function' || typeof this === 'object') && this !== null && wmHas(disguised, this)) {
        return wmGet(disguised, this) as string;
      }
      return apply(nativeToString, this, []) as string;
    },
  }.toString as Fn;
  disguise(replacement, nativeToString as Fn);
  defineProperty(Function.prototype, 'toString', { value: replacement, writable: true, configurable: true, enumerable: false });
}
patchToString();

function makeWrapper(original: Fn, hook: Hook): Fn {
  const wrapped = {
    wrapper(this: unknown, ...args: unknown[]): unknown {
      let override: Override | undefined | void;
      try {
        override = hook(this, args, original);
      } catch {
        // The probe never breaks the page.
      }
      return override ? override.value : apply(original, this, args);
    },
  }.wrapper as Fn;
  disguise(wrapped, original);
  return wrapped;
}

/**
 * Wraps the method `name` of `owner`, where it is defined (on `owner` or a prototype);
 * returns the original, or undefined when absent.
 */
export function wrapMethod(owner: object | undefined | null, name: string, hook: Hook): Fn | undefined {
  const found = findDescriptor(owner, name);
  if (!found) return undefined;
  const [holder, descriptor] = found;
  const original = descriptor.value as unknown;
  if (typeof original !== 'function') return undefined;
  try {
    defineProperty(holder, name, { ...descriptor, value: makeWrapper(original as Fn, hook) });
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
