// What a list row's menu offers beyond the actions, and where each item leads (pure: the list and the detail page's
// toolbar share it, so a row item and the detail page's button open the same form).
import type { ResourceDefinition, RowMenuItem } from './types';

/** The detail page's query parameter naming the toolbar panel to open (`?open=attach`). */
export const OPEN_PARAM = 'open';

/** A panel id as a query value: a form id of the definition or of its page (letters, digits, dashes). */
const PANEL = /^[a-z][a-z0-9-]{0,40}$/;

/** The panel a detail page's URL asks to open, or null (anything else than a panel id is ignored). */
export function requestedPanel(params: URLSearchParams): string | null {
  const p = params.get(OPEN_PARAM);
  return p && PANEL.test(p) ? p : null;
}

/** The query without the panel request: once a panel is closed, a reload must not open it again. */
export function withoutPanel(params: URLSearchParams): string {
  const q = new URLSearchParams(params);
  q.delete(OPEN_PARAM);
  return q.toString();
}

/** Where an item leads: its page, else the object's page with its panel open. */
export function rowMenuTarget<T>(def: Pick<ResourceDefinition<T>, 'slug' | 'id'>, item: RowMenuItem<T>, row: T): { slug: string; rest?: string; query?: string } {
  if (item.to) return item.to(row);
  return { slug: def.slug, rest: encodeURIComponent(def.id(row)), query: item.panel ? `${OPEN_PARAM}=${encodeURIComponent(item.panel)}` : undefined };
}

/**
 * The items the row's state allows: the definition's, then each of its detail forms no item opens already (a port's
 * security groups, a node's maintenance), which the object's page opens below its toolbar.
 */
export function offeredRowItems<T>(def: Pick<ResourceDefinition<T>, 'rowMenu' | 'forms'>, row: T): RowMenuItem<T>[] {
  const items = def.rowMenu ?? [];
  const forms = (def.forms ?? [])
    // An admin-only form (a migration) stays on the object's page, whose toolbar knows who is logged in.
    .filter((f) => !f.adminOnly && !items.some((i) => i.panel === f.id))
    .map((f): RowMenuItem<T> => ({ id: `form-${f.id}`, label: f.toggle?.(row) ?? f.label, panel: f.id, when: f.when, cli: f.hint }));
  return [...items, ...forms].filter((i) => !i.when || i.when(row));
}

/** The destructive entries last, each group in its order (Horizon's and the detail page's: Delete at the end). */
export function destructiveLast<X extends { destructive?: boolean }>(items: readonly X[]): X[] {
  return [...items.filter((i) => !i.destructive), ...items.filter((i) => i.destructive)];
}

/** The CLI of the item opening `panel`: the detail page's toggle shows the same command as the row's item. */
export function panelCli<T>(def: Pick<ResourceDefinition<T>, 'rowMenu'>, panel: string, row: T): string | undefined {
  return def.rowMenu?.find((i) => i.panel === panel)?.cli?.(row);
}
