// Replaces a method with a wrapper that reports and then behaves exactly like the
// original: same `this`, arguments, return value and exceptions, and a
// `toString()` that reads like the native function's.

const nativeToString = Function.prototype.toString;
const disguised = new WeakMap<object, string>();
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const apply = Reflect.apply;

function patchToString(): void {
  const replacement = {
    toString(this: unknown): string {
      if ((typeof this === 'function' || typeof this === 'object') && this !== null && disguised.has(this)) {
        return disguised.get(this) as string;
      }
      return apply(nativeToString, this, []) as string;
    },
  }.toString;
  disguised.set(replacement, apply(nativeToString, nativeToString, []) as string);
  defineProperty(Function.prototype, 'toString', { value: replacement, writable: true, configurable: true, enumerable: false });
}
patchToString();

export type BeforeCall = (self: unknown, args: unknown[]) => void;

/** Wraps `owner[name]`; `before` runs first and its errors are swallowed. */
export function wrapMethod(owner: object | undefined, name: string, before: BeforeCall): void {
  if (!owner) return;
  const descriptor = getOwnPropertyDescriptor(owner, name);
  const original = descriptor?.value as unknown;
  if (typeof original !== 'function') return;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      try {
        before(this, args);
      } catch {
        // The probe never breaks the page.
      }
      return apply(original as (...a: unknown[]) => unknown, this, args);
    },
  }[name] as (...args: unknown[]) => unknown;
  disguised.set(wrapped, apply(nativeToString, original, []) as string);
  defineProperty(wrapped, 'length', { value: (original as { length: number }).length });
  defineProperty(owner, name, { ...descriptor, value: wrapped });
}
