// Tiny runtime checks for data that crosses a trust boundary (page -> content
// script -> service worker, storage, policy). Each check returns the value
// typed, or throws a ValidationError that says which field was wrong.

export class ValidationError extends Error {
  override name = 'ValidationError';
}

export type Check<T> = (value: unknown, path: string) => T;

const MAX_STRING = 4000;
const MAX_ARRAY = 200;

export const str =
  (max = MAX_STRING): Check<string> =>
  (value, path) => {
    if (typeof value !== 'string') throw new ValidationError(`${path}: expected a string`);
    return value.length > max ? value.slice(0, max) : value;
  };

export const num: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(`${path}: expected a finite number`);
  }
  return value;
};

export const bool: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ValidationError(`${path}: expected a boolean`);
  return value;
};

export const oneOf =
  <T extends string>(...options: readonly T[]): Check<T> =>
  (value, path) => {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      throw new ValidationError(`${path}: expected one of ${options.join(', ')}`);
    }
    return value as T;
  };

export const arrayOf =
  <T>(item: Check<T>, max = MAX_ARRAY): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new ValidationError(`${path}: expected an array`);
    if (value.length > max) throw new ValidationError(`${path}: more than ${max} items`);
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : check(value, path);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null ? null : check(value, path);

type Shape = Record<string, Check<unknown>>;
/** Fields whose check may give undefined (optional()) may be left out, as the check allows. */
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends ReturnType<S[K]> ? K : never }[keyof S];
type FromShape<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: ReturnType<S[K]> } & { [K in OptionalKeys<S>]?: ReturnType<S[K]> };

export const object =
  <S extends Shape>(shape: S): Check<FromShape<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError(`${path}: expected an object`);
    }
    const record = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(record[key], `${path}.${key}`);
      if (checked !== undefined) result[key] = checked;
    }
    return result as FromShape<S>;
  };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
