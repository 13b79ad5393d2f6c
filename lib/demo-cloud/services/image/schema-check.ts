// Glance's jsonschema checks of image attributes, with the texts its validator prints.
import { badRequest } from '../../core/errors';

/** Python's repr of a JSON value, as jsonschema messages print it. */
export function pyRepr(v: unknown): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as object).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

export const schemaError = (what: string, field: string, value: unknown) =>
  badRequest(`Provided object does not match schema 'image': ${what}\n\nOn instance['${field}']:\n    ${pyRepr(value)}`);

export function checkEnum(field: string, value: unknown, allowed: readonly string[], nullable: boolean) {
  if (value === null && nullable) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const list = nullable ? [null, ...allowed] : [...allowed];
    throw schemaError(`${pyRepr(value)} is not one of ${pyRepr(list)}`, field, value);
  }
}

export function checkType(field: string, value: unknown, type: 'string' | 'boolean' | 'integer' | 'array', nullable = false) {
  if (value === null && nullable) return;
  const ok =
    type === 'string' ? typeof value === 'string'
      : type === 'boolean' ? typeof value === 'boolean'
        : type === 'integer' ? Number.isInteger(value)
          : Array.isArray(value);
  if (!ok) throw schemaError(`${pyRepr(value)} is not of type ${nullable ? `'null', '${type}'` : `'${type}'`}`, field, value);
}

/** Sets one attribute on an image (create and PATCH share it); checks types and policy. */
