// The objects the page has loaded, as (kind, id, name), read from the query cache when the recorder records a call:
// the ids of that call then get the names the CLI resolves (lib/recorder/names.ts). Only rows are read (a list page's
// items, an answer's arrays, one object), not what they hold, so a nested object never passes for a row of the kind.
import type { QueryClient } from '@tanstack/react-query';

type Named = { kind: string; id: string; name: string };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObj(data)) return [];
  if (Array.isArray(data.items)) return data.items;
  if (typeof data.id === 'string') return [data];
  return Object.values(data).flatMap((v) => (Array.isArray(v) ? v : isObj(v) && typeof v.id === 'string' ? [v] : []));
}

export function* cachedNames(qc: QueryClient): Generator<Named> {
  for (const q of qc.getQueryCache().getAll()) {
    const [root, , kind, shape] = q.queryKey as unknown[];
    const data = q.state.data;
    if (root !== 'os' || typeof kind !== 'string' || data === undefined) continue;
    // A lookup's answer: id → label.
    if (shape === 'names' && isObj(data)) {
      for (const [id, name] of Object.entries(data)) if (typeof name === 'string') yield { kind, id, name };
      continue;
    }
    for (const row of rowsOf(data)) {
      if (isObj(row) && typeof row.id === 'string' && typeof row.name === 'string') yield { kind, id: row.id, name: row.name };
    }
  }
}
