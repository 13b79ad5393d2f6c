// Catalog helpers shared by the request configuration and the completeness test. Pure.

export type Catalog = { [key: string]: string | Catalog };

/** A namespace, not a message: built catalogs hold messages precompiled to arrays (next.config.js). */
const isNamespace = (v: unknown): v is Catalog => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The locale's messages over English ones: a message a catalog lacks shows in English, never as its key. */
export function withFallback(base: Catalog, over: Catalog): Catalog {
  const out: Catalog = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] = isNamespace(v) && isNamespace(b) ? withFallback(b, v) : v;
  }
  return out;
}

/** Every message by its dotted key (`userMenu.logOut`). */
export function leaves(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}
