// Reading Manila request bodies: the resource key must hold an object, as `is_valid_body` demands (422 otherwise).
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { bad } from './errors';

export type Body = Record<string, unknown>;

const isObject = (x: unknown): x is Body => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `body[key]` (the first key present, of several) as an object; 422 otherwise, as Manila's is_valid_body answers. */
export async function readBody(ctx: RequestContext, key: string | string[]): Promise<Body> {
  const body = await ctx.json();
  const found = isObject(body) ? (Array.isArray(key) ? key : [key]).map((k) => body[k]).find(isObject) : undefined;
  if (!found) throw new HttpError(422, 'Unable to process the contained instructions');
  return found;
}

/** An optional string field (null allowed); 400 for other types. */
export function optString(b: Body, key: string, max = 255): string | null | undefined {
  const x = b[key];
  if (x === undefined || x === null) return x;
  if (typeof x !== 'string') throw bad(`${key} must be a string.`);
  if (x.length > max) throw bad(`${key} has more than ${max} characters.`);
  return x;
}

/** Metadata: string keys and values, as check_metadata_properties requires. */
export function metadataOf(x: unknown): Record<string, string> {
  if (x === undefined || x === null) return {};
  if (!isObject(x)) throw bad('Malformed request body');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(x)) {
    if (!k || k.length > 255) throw bad('Metadata property key is empty or longer than 255 characters.');
    if (typeof val !== 'string' && typeof val !== 'number' && typeof val !== 'boolean') throw bad(`Metadata property value of ${k} must be a string.`);
    out[k] = String(val);
  }
  return out;
}

/** Manila's boolean parsing (strutils.bool_from_string, strict): true/false, yes/no, 1/0, on/off. */
export function boolOf(x: unknown): boolean {
  if (typeof x === 'boolean') return x;
  const t = String(x).toLowerCase();
  if (['true', 't', 'yes', 'y', '1', 'on'].includes(t)) return true;
  if (['false', 'f', 'no', 'n', '0', 'off'].includes(t)) return false;
  throw bad(`Unrecognized value '${String(x)}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'`);
}

/** `is_public` of a create or update: only an admin may make a share public (Zed's default policy). */
export function publicFlag(x: unknown, isAdmin: boolean): boolean {
  const value = boolOf(x);
  if (value && !isAdmin) throw new HttpError(403, "User is not authorized to set 'is_public' to True in the request.");
  return value;
}

/** `name`/`description`, or their v1 spellings `display_name`/`display_description`; undefined when absent. */
export function nameAndDescription(b: Body): { name: string | null | undefined; description: string | null | undefined } {
  return {
    name: b.display_name !== undefined ? optString(b, 'display_name') : optString(b, 'name'),
    description: b.display_description !== undefined ? optString(b, 'display_description', 10_000) : optString(b, 'description', 10_000),
  };
}

/** Applies the fields of nameAndDescription that the body sets (PUT on shares and snapshots). */
export function updateNameAndDescription(target: { name: string | null; description: string | null }, b: Body) {
  const { name, description } = nameAndDescription(b);
  if (name !== undefined) target.name = name;
  if (description !== undefined) target.description = description;
}
