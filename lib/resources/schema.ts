// Validating API answers: a response that does not match the schema is reported with the failing path,
// never swallowed or silently coerced.
import { z } from 'zod';

export class SchemaError extends Error {
  readonly where: string;
  readonly issues: { path: string; message: string }[];
  constructor(where: string, issues: { path: string; message: string }[]) {
    const first = issues[0];
    super(`Unexpected response from ${where}: ${first ? `${first.path || '(root)'}: ${first.message}` : 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`);
    this.name = 'SchemaError';
    this.where = where;
    this.issues = issues;
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** `schema.parse(data)`, but failures name the request and the failing path (`servers[3].id`). */
export function parseResponse<T>(schema: z.ZodType<T>, data: unknown, where: string, prefix: readonly PropertyKey[] = []): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new SchemaError(
    where,
    r.error.issues.map((i) => ({ path: pathOf([...prefix, ...i.path]), message: i.message })),
  );
}

/** Reads `body[key]` as an array of `schema`, reporting failures as `key[i].field`. */
export function parseList<T>(schema: z.ZodType<T>, body: unknown, key: string, where: string): T[] {
  if (!body || typeof body !== 'object' || !Array.isArray((body as Record<string, unknown>)[key])) {
    throw new SchemaError(where, [{ path: key, message: 'expected an array' }]);
  }
  return parseResponse(z.array(schema), (body as Record<string, unknown>)[key], where, [key]);
}

/** Reads `body[key]` as one `schema` object; an empty key means the body itself (Glance, Designate answer bare objects). */
export function parseItem<T>(schema: z.ZodType<T>, body: unknown, key: string, where: string): T {
  if (!key) return parseResponse(schema, body, where);
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return parseResponse(schema, inner, where, [key]);
}

/** Form values -> field errors keyed by the first path segment. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = String(i.path[0] ?? '');
    out[k] ??= i.message;
  }
  return out;
}

/** Fields an API may leave out or send as null, all strings: `...maybeStrings('status', 'project_id')`. */
export const maybeStrings = <K extends string>(...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, z.string().nullish()])) as { [P in K]: z.ZodOptional<z.ZodNullable<z.ZodString>> };

/** The same for numbers (`...maybeNumbers('node_count', 'master_count')`). */
export const maybeNumbers = <K extends string>(...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, z.number().nullish()])) as { [P in K]: z.ZodOptional<z.ZodNullable<z.ZodNumber>> };
