/**
 * Checks for the few small shapes that the first script (web/src/boot.ts) reads before the app has loaded: the
 * public config, a pending sign-in, the relay state and error bodies. Everything else is parsed with valibot
 * schemas; these are written out so the code that runs before a resume bounce stays a few KB
 * (docs/decisions/0004-valibot-for-schemas.md). Each check throws a ShapeError that says where the data went wrong.
 */

export class ShapeError extends Error {
  override name = 'ShapeError';
}

export type Fields = Record<string, unknown>;

/** `value` as an object with fields (not null, not an array). */
export function fieldsOf(value: unknown, what = 'value'): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${what}: Invalid type: Expected Object`);
  return value as Fields;
}

interface Types {
  string: string;
  boolean: boolean;
  number: number;
}

/** The field `key` when it has the `typeof` named (a number that is NaN is not one). */
function typedField<K extends keyof Types>(fields: Fields, key: string, type: K): Types[K] {
  const value = fields[key];
  if (typeof value !== type || Number.isNaN(value)) throw new ShapeError(`${key}: Invalid type: Expected ${type}`);
  return value as Types[K];
}

export function stringField(fields: Fields, key: string, { nonEmpty = false, url = false } = {}): string {
  const value = typedField(fields, key, 'string');
  if (nonEmpty && value === '') throw new ShapeError(`${key}: Invalid length: Expected >=1`);
  if (url && !URL.canParse(value)) throw new ShapeError(`${key}: Invalid URL`);
  return value;
}

export function optionalStringField(fields: Fields, key: string): string | undefined {
  return fields[key] === undefined ? undefined : stringField(fields, key);
}

export function booleanField(fields: Fields, key: string): boolean {
  return typedField(fields, key, 'boolean');
}

export function numberField(fields: Fields, key: string): number {
  return typedField(fields, key, 'number');
}

export function oneOf<T extends string>(fields: Fields, key: string, options: readonly T[]): T {
  const value = fields[key];
  if (!options.includes(value as T)) throw new ShapeError(`${key}: Invalid option: Expected ${options.join(' | ')}`);
  return value as T;
}
