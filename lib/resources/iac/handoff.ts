// The exported template on its way to the stack launch form: kept in this tab's sessionStorage (a template is too
// long for a URL, and it is the user's own data), read by the form that the link `?template=export` opens (and again
// on a reload of that page; the next export replaces it).
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

/** `select` values of the export page's query: `<kind>:<id>` per object, read back into pairs. */
export const selectionQuery = (items: readonly { kind: string; id: string }[]) => items.map((i) => `select=${encodeURIComponent(`${i.kind}:${i.id}`)}`).join('&');

export function parseSelection(values: readonly string[]): { kind: string; id: string }[] {
  return values.flatMap((v) => {
    const at = v.indexOf(':');
    return at > 0 && at < v.length - 1 ? [{ kind: v.slice(0, at), id: v.slice(at + 1) }] : [];
  });
}
