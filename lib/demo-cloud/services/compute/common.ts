import type { CloudCore } from '../../core/cloud';
import { isoSeconds } from '../../core/clock';
import { forbidden, HttpError } from '../../core/errors';
import type { RequestContext } from '../../core/context';
import type { ComputeState } from './model';

export interface ComputeDeps {
  core: CloudCore;
  s: ComputeState;
}

/** Nova's second-precision timestamps with a Z (servers' created/updated). */
export const isoZ = (ms: number) => isoSeconds(ms);
/** Nova's DB timestamps: microseconds, no zone (launched_at, instance actions, keypairs). */
export const isoDb = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.000000');

export const policyDenied = (rule: string) => forbidden(`Policy doesn't allow ${rule} to be performed.`);
export const novaBadRequest = (message: string) => new HttpError(400, message);
export const novaNotFound = (message: string) => new HttpError(404, message);
export const novaConflict = (message: string) => new HttpError(409, message);

/** `Invalid input for field/attribute X. Value: V. problem` (Nova's jsonschema message). */
export function invalidInput(field: string, value: unknown, problem: string): HttpError {
  return novaBadRequest(`Invalid input for field/attribute ${field}. Value: ${pyRepr(value)}. ${problem}`);
}

/** A rough Python repr, as Nova's validation messages print values. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  const inner = (x: unknown): string => {
    if (x === null || x === undefined) return 'None';
    if (typeof x === 'string') return `'${x}'`;
    if (typeof x === 'boolean') return x ? 'True' : 'False';
    if (Array.isArray(x)) return `[${x.map(inner).join(', ')}]`;
    if (typeof x === 'object') return `{${Object.entries(x).map(([k, y]) => `'${k}': ${inner(y)}`).join(', ')}}`;
    return String(x);
  };
  return inner(v);
}

/** The id at the end of a reference (`flavorRef`, `imageRef`, list filters): a bare id or a URL. */
export const idFromRef = (ref: string) => ref.replace(/\/+$/, '').split('/').pop() ?? ref;

export function links(ctx: RequestContext, kind: string, id: string) {
  return [
    { rel: 'self', href: `${ctx.serviceUrl}/v2.1/${kind}/${id}` },
    { rel: 'bookmark', href: `${ctx.serviceUrl}/${kind}/${id}` },
  ];
}

/** Body of an action or create call: must be a JSON object. */
export async function objectBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  const body = await ctx.json();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw novaBadRequest('Malformed request body');
  return body as Record<string, unknown>;
}
