import { describe, expect, it } from 'vitest';
import { arrayOf, bool, num, object, oneOf, optional, str, ValidationError } from './validate';

describe('validate', () => {
  it('truncates long strings instead of rejecting them', () => {
    expect(str(3)('abcdef', 'x')).toBe('abc');
  });
  it('rejects non-finite numbers', () => {
    expect(() => num(Number.NaN, 'n')).toThrow(ValidationError);
    expect(() => num(Infinity, 'n')).toThrow('n: expected a finite number');
    expect(num(2.5, 'n')).toBe(2.5);
  });
  it('names the failing path', () => {
    const check = object({ list: arrayOf(object({ on: bool })) });
    expect(() => check({ list: [{ on: true }, { on: 'yes' }] }, 'policy')).toThrow('policy.list[1].on: expected a boolean');
  });
  it('checks enumerations and optional fields', () => {
    const check = object({ mode: oneOf('block', 'warn'), note: optional(str()) });
    expect(check({ mode: 'warn' }, 'p')).toEqual({ mode: 'warn' });
    expect(() => check({ mode: 'off' }, 'p')).toThrow('p.mode: expected one of block, warn');
  });
});
