// What a page gives the "Share a snapshot" dialog: the text a list or detail page shows now, read from the same
// definition the generic views render (columns and overview fields, cellText), never from the DOM.
import { cellText } from '@/lib/resources/cells';
import type { Column, ResourceDefinition, RowContext, Text } from '@/lib/resources/types';
import { MAX_ROWS, type SnapshotCreate } from './schema';

export type SnapshotCapture = Omit<SnapshotCreate, 'expiresIn' | 'removeIps'>;

/** The table as displayed: its visible columns and rows (the first MAX_ROWS). */
export function listCapture<T>(def: ResourceDefinition<T>, columns: readonly Column<T>[], rows: readonly T[], ctx: RowContext, m: (t: Text) => string): SnapshotCapture {
  const heading = m(def.label.plural);
  return {
    title: heading,
    slug: def.slug,
    kindLabel: heading,
    view: {
      type: 'list',
      columns: columns.map((c) => ({ id: c.id, label: m(c.label), ...(c.sensitive ? { sensitive: c.sensitive } : {}) })),
      rows: rows.slice(0, MAX_ROWS).map((r) => columns.map((c) => cellText(c.value(r, ctx), m))),
    },
  };
}

/** An object's page: its status and the overview fields the user sees (admin-only ones for admins). */
export function detailCapture<T>(def: ResourceDefinition<T>, row: T, ctx: RowContext, m: (t: Text) => string, opts: { isAdmin: boolean; statusLabel: string }): SnapshotCapture {
  const status = def.status?.(row);
  return {
    title: def.name(row) || def.id(row),
    slug: def.slug,
    kindLabel: m(def.label.singular),
    view: {
      type: 'detail',
      fields: [
        ...(status ? [{ key: 'common.status', label: opts.statusLabel, value: m(status.label) }] : []),
        ...(def.overview ?? [])
          .filter((f) => !f.adminOnly || opts.isAdmin)
          .map((f) => ({
            ...(typeof f.label === 'string' ? { key: f.label } : {}),
            label: m(f.label),
            value: cellText(f.value(row, ctx), m),
            ...(f.sensitive ? { sensitive: f.sensitive } : {}),
          })),
      ],
    },
  };
}
