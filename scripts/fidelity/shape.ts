// Structural comparison of two JSON documents: which fields the reference (real OpenStack) has that the
// candidate (demo cloud) lacks or types differently. Values are ignored (ids, dates differ by nature);
// null matches any type because services put null where a value is absent.

export type ShapeDiff = { path: string; problem: 'missing' | 'type'; expected: string; actual?: string };

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Keys whose names are data, not schema (maps keyed by ids, names or metadata keys). */
const MAP_LIKE = /(^|\.)(metadata|properties|extra_specs|addresses|labels|links_by_rel|tags|quota_set|limits\.absolute|driver_info|driver_internal_info|instance_info|capabilities)$/;

export function compareShapes(expected: unknown, actual: unknown, path = '$', out: ShapeDiff[] = []): ShapeDiff[] {
  const ek = kind(expected);
  const ak = kind(actual);
  if (ek === 'null' || ak === 'null') return out;
  if (ek !== ak) {
    out.push({ path, problem: 'type', expected: ek, actual: ak });
    return out;
  }
  if (ek === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    // Compare the union of element shapes: the first reference element against the first candidate one.
    if (e.length && a.length) compareShapes(e[0], a[0], `${path}[]`, out);
    return out;
  }
  if (ek === 'object') {
    if (MAP_LIKE.test(path)) return out;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      const p = `${path}.${key}`;
      if (!(key in a)) out.push({ path: p, problem: 'missing', expected: kind(e[key]) });
      else compareShapes(e[key], a[key], p, out);
    }
  }
  return out;
}

/** Response headers that carry protocol meaning (transport headers and per-server noise left out). */
const IGNORED_HEADERS = new Set([
  'date', 'server', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'vary', 'x-frame-options',
  'access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-credentials',
  'strict-transport-security', 'x-content-type-options', 'set-cookie', 'content-encoding', 'accept-ranges',
]);

export function headerDiffs(expected: Headers, actual: Headers): string[] {
  const missing: string[] = [];
  expected.forEach((_v, name) => {
    const n = name.toLowerCase();
    if (!IGNORED_HEADERS.has(n) && !actual.has(n)) missing.push(n);
  });
  return missing;
}
