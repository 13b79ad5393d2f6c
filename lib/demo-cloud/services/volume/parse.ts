// Cinder's request-body readers and its policy refusal, shared by the volume, backup, transfer, type and QoS routes.
import { badRequest, forbidden } from '../../core/errors';

export const UUID_RE = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export const invalidInput = (reason: string) => badRequest(`Invalid input received: ${reason}`);

export const policyDenied = (rule: string) => forbidden(`Policy doesn't allow ${rule} to be performed.`);

export function asObject(body: unknown, key: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
  }
  const inner = (body as Record<string, unknown>)[key];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
    throw badRequest(`Missing required element '${key}' in request body.`);
  }
  return inner as Record<string, unknown>;
}

export const fieldError = (field: string, value: unknown, problem: string) =>
  badRequest(`Invalid input for field/attribute ${field}. Value: ${typeof value === 'string' ? value : JSON.stringify(value)}. ${problem}`);

export function optString(obj: Record<string, unknown>, key: string, max = 255): string | null | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string') throw fieldError(key, v, `${JSON.stringify(v)} is not of type 'string', 'null'`);
  if (v.length > max) throw fieldError(key, v, `'${v}' is too long`);
  return v;
}

export function metadataOf(obj: Record<string, unknown>, key = 'metadata'): Record<string, string> | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw fieldError(key, v, `${JSON.stringify(v)} is not of type 'object'`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x !== 'string') throw fieldError(`${key}/${k}`, x, `${JSON.stringify(x)} is not of type 'string'`);
    if (k.length > 255) throw fieldError(key, k, `'${k}' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'`);
    out[k] = x;
  }
  return out;
}

/** Cinder's size parameter: a positive integer, as a number or a string of digits. */
export function sizeOf(value: unknown, field = 'size'): number {
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 1) throw fieldError(field, value, `${value} is less than the minimum of 1`);
    return value;
  }
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) {
    const n = Number(value);
    if (n < 1) throw fieldError(field, value, `'${value}' is less than the minimum of 1`);
    return n;
  }
  if (typeof value === 'string') throw fieldError(field, value, `'${value}' does not match '^[0-9]+$'`);
  throw fieldError(field, value, `${JSON.stringify(value)} is not of type 'integer', 'string'`);
}

export function boolOf(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.toLowerCase();
    if (['true', '1', 't', 'y', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'f', 'n', 'no', 'off'].includes(v)) return false;
  }
  throw invalidInput(`${field} must be a boolean`);
}

/** limit/marker/sort over a filtered list, as Cinder's common paginate does it. */
