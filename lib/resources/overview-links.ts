// Overview fields that name other objects as links to their pages (a floating IP's router and instance, the instances
// a volume is attached to), instead of raw ids. `links` is what the detail page's overview renders; the field's `value`
// is made from them (the same words as text, for any view that does not render links).
import type { CellValue, OverviewField, OverviewLink, RowContext } from './types';

export type { OverviewLink };

/** The links as text: each name inside its words. */
export function linksText(links: readonly OverviewLink[]): CellValue {
  const items = links.map((l) => (l.text ? { key: l.text.key, values: { ...l.text.values, name: l.name } } : l.name));
  return items.length === 1 ? items[0] : items;
}

/** An overview field with links (its text value made from them), where a definition's `overview` takes plain fields. */
export const linkedField = <T>(field: Omit<OverviewField<T>, 'value' | 'links'> & { links: NonNullable<OverviewField<T>['links']> }): OverviewField<T> => ({
  ...field,
  value: (row: T, ctx: RowContext) => linksText(field.links(row, ctx)),
});

/** The field's links for this row, or undefined for a plain field (or one with nothing to link). */
export function overviewLinks<T>(field: OverviewField<T>, row: T, ctx: RowContext): readonly OverviewLink[] | undefined {
  const list = field.links?.(row, ctx);
  return list?.length ? list : undefined;
}

/** A link to one object by id, named from a lookup (its id while the name is unknown); none without an id. */
export const linkTo = (slug: string, id: string | null | undefined, names: Record<string, string> | undefined, name?: string): OverviewLink[] =>
  id ? [{ name: names?.[id] || name || id, to: { slug, id } }] : [];

/**
 * Where the link goes inside the field's words: the text before and after `{name}`. A private-use character stands in
 * for the name, so the words come from the one message the text value uses too (no second message to keep in step).
 */
export const LINK_SLOT = '\uE000';
export function splitAtLink(rendered: string): [string, string] | undefined {
  const at = rendered.indexOf(LINK_SLOT);
  return at < 0 ? undefined : [rendered.slice(0, at), rendered.slice(at + LINK_SLOT.length)];
}
