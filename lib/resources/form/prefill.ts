// A create form's first values from the page's query: a link elsewhere ("Create DNS record" on an instance) says what
// to create, and the form opens with it. Only fields that declare `query` read it.
import type { FormField, FormValue } from '../types';

type Values = Record<string, FormValue>;

/** The defaults with what the query gives for each field that declares `query`, in the fields' order. */
export function prefillValues(fields: readonly FormField[], defaults: Values, query: { getAll(name: string): string[] }): Values {
  const out: Values = { ...defaults };
  for (const f of fields) {
    if (!f.query) continue;
    const spec = f.query === true ? {} : f.query;
    const raw = query.getAll(spec.param ?? f.name);
    if (!raw.length) continue;
    const value = spec.read ? spec.read(raw, out) : fromQuery(f, raw, out);
    if (value !== undefined) out[f.name] = value;
  }
  return out;
}

function fromQuery(f: FormField, raw: readonly string[], values: Values): FormValue | undefined {
  if (f.type === 'rows' && f.rows) {
    const rows = f.rows;
    // `?records=a,b` and `?records=a&records=b` alike.
    const items = raw.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    if (!items.length) return undefined;
    return items.map((item) => (rows.parse ? rows.parse(item, values) : { ...rows.empty, [rows.columns[0].name]: item }));
  }
  if (f.type === 'select' && f.options) return f.options.find((o) => o.value.toLowerCase() === raw[0].toLowerCase())?.value;
  if (f.type === 'checkbox') return raw[0] === 'true';
  return raw[0];
}
