// The exported template on its way to the stack launch form: kept in this tab's sessionStorage (a template is too
// long for a URL, and it is the user's own data), read by the form that the link `?template=export` opens (and again
// on a reload of that page; the next export replaces it).
import { heatDefinition } from './heat-kinds';

const KEY = 'stratus:heat-export';
/** The launch page's query that takes the handed-over template. */
export const HANDOFF_QUERY = 'template=export';

export function stashTemplate(yaml: string): void {
  window.sessionStorage.setItem(KEY, yaml);
}

/** The handed-over template, or '' when there is none (another tab). */
export function readTemplate(): string {
  return window.sessionStorage.getItem(KEY) ?? '';
}

/** The most objects a link to the export page chooses: a longer query risks the server's header limit. */
export const MAX_LINKED = 100;

/**
 * The export page's query choosing these objects (by their section's slug and id) of the kinds that map to Heat; the
 * others are dropped. Undefined when there are none or more than MAX_LINKED (the page then opens with no choice).
 */
export function exportQuery(objects: readonly { slug: string; id: string }[]): string | undefined {
  const items = objects.flatMap((o) => {
    const def = heatDefinition(o.slug);
    return def ? [{ kind: def.kind, id: o.id }] : [];
  });
  return items.length && items.length <= MAX_LINKED ? selectionQuery(items) : undefined;
}

/** `select` values of the export page's query: `<kind>:<id>` per object, read back into pairs. */
export const selectionQuery = (items: readonly { kind: string; id: string }[]) => items.map((i) => `select=${encodeURIComponent(`${i.kind}:${i.id}`)}`).join('&');

export function parseSelection(values: readonly string[]): { kind: string; id: string }[] {
  return values.flatMap((v) => {
    const at = v.indexOf(':');
    return at > 0 && at < v.length - 1 ? [{ kind: v.slice(0, at), id: v.slice(at + 1) }] : [];
  });
}
