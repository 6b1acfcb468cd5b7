// @vitest-environment happy-dom
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { counter, tick } from './counter';
import { answer, wrapMethod } from './wrap';

class Target {
  value = 42;
  read(this: Target, a: number, b: number): number {
    if (a < 0) throw new RangeError('negative');
    return this.value + a + b;
  }
}

describe('wrapMethod', () => {
  it('behaves like the original: this, arguments, return value, exceptions, name, length, source text', () => {
    const original = Target.prototype.read;
    const seen: unknown[][] = [];
    wrapMethod(Target.prototype, 'read', (self, args) => void seen.push([self, ...args]));
    const target = new Target();
    const wrapped = Target.prototype.read;
    expect(wrapped).not.toBe(original);
    expect(target.read(1, 2)).toBe(45);
    expect(() => target.read(-1, 0)).toThrow(RangeError);
    expect(seen).toEqual([
      [target, 1, 2],
      [target, -1, 0],
    ]);
    expect([wrapped.name, wrapped.length]).toEqual([original.name, original.length]);
    expect(Function.prototype.toString.call(wrapped)).toBe(Function.prototype.toString.call(original));
    expect(String(wrapped)).toBe(String(original));
    expect('prototype' in wrapped).toBe(false);
    expect(() => Reflect.construct(String, [], wrapped)).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(Target.prototype, 'read')).toMatchObject({ writable: true, enumerable: false, configurable: true });
  });

  it('swallows the hook’s own errors and lets a hook answer instead of the original', () => {
    const owner = { calls: 0, run(): string { this.calls++; return 'original'; } };
    let mode: 'throw' | 'answer' = 'throw';
    wrapMethod(owner, 'run', () => {
      if (mode === 'throw') throw new Error('probe bug');
      return answer('answered');
    });
    expect(owner.run()).toBe('original');
    mode = 'answer';
    expect(owner.run()).toBe('answered');
    expect(owner.calls).toBe(1);
  });

  it('keeps toString native-looking, even for itself', () => {
    const toString = Function.prototype.toString;
    expect(toString.call(toString)).toMatch(/^function toString\(\) \{\s*\[native code\]\s*\}$/);
    expect(toString.call(function named() {})).toBe('function named() {}');
  });

  it('runs an after-hook once the original returned, with its arguments, keeping the result and exceptions', () => {
    class Doc {
      open(fail: boolean): string {
        if (fail) throw new TypeError('no');
        return 'opened';
      }
    }
    const after: unknown[][] = [];
    wrapMethod(Doc.prototype, 'open', () => {}, (self, args) => {
      after.push([self, ...args]);
      throw new Error('after-hook errors are swallowed');
    });
    const doc = new Doc();
    expect(doc.open(false)).toBe('opened');
    expect(() => doc.open(true)).toThrow(TypeError);
    expect(after).toEqual([[doc, false]]);
  });

  it('reads as native through another frame’s probe too: a wrapper from any realm has our source text', () => {
    wrapMethod(Target.prototype, 'read', () => {});
    const wrapped = Target.prototype.read;
    // A realm no probe ran in (Chromium's script-less sandboxed iframe) shows the wrapper's source:
    // the known limit. Every other frame runs this same code, so its wrappers have exactly this text.
    const pristineToString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    const source = pristineToString.call(wrapped);
    expect(source).not.toContain('[native code]');
    const foreignWrapper = runInNewContext(`({ ${source} }).wrapper`) as () => unknown;
    expect(Function.prototype.toString.call(foreignWrapper)).toMatch(/^function wrapper\(\) \{\s*\[native code\]\s*\}$/);
    // …and other functions from that realm still read as what they are.
    const plain = runInNewContext('(function plain(a) { return a + 1; })') as () => unknown;
    expect(Function.prototype.toString.call(plain)).toBe('function plain(a) { return a + 1; }');
  });

  it('costs little per call: a million calls of a counting wrapper add well under a microsecond each', () => {
    const plain = { n: 0, bump(): void { this.n++; } };
    const wrapped = { n: 0, bump(): void { this.n++; } };
    const calls = counter();
    let reports = 0;
    wrapMethod(wrapped, 'bump', () => {
      if (tick(calls)) reports++;
    });
    const time = (object: { bump(): void }) => {
      const start = performance.now();
      for (let i = 0; i < 1_000_000; i++) object.bump();
      return performance.now() - start;
    };
    time(plain);
    time(wrapped); // warm up both
    const overheadMs = time(wrapped) - time(plain);
    expect(wrapped.n).toBe(2_000_000); // every call reached the original
    expect(reports).toBe(21); // thresholds up to 2,000,000
    expect(overheadMs / 1_000_000).toBeLessThan(0.001); // ms per call: < 1 µs, against ~1 ms for a native pushState
  });
});
