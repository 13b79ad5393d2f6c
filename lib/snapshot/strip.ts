// What the server removes from a snapshot before it is stored, whatever the browser sent: the columns and fields a
// definition declares sensitive (the same `sensitive` presentation mode masks), and by their shape e-mail
// addresses, the user's project IDs and, on request, IP addresses in any text. Pure but for node:net's address check.
import { isIPv4, isIPv6 } from 'node:net';
import type { MaskKind } from '@/lib/resources/types';
import type { SnapshotCreate, SnapshotView, StripKind } from './schema';

/** What a removed value reads as (presentation mode's mask). */
export const REMOVED = '••••••';

/** What the kind's definition declares, found by the server in the registry (lib/snapshot/declared.ts). */
export interface Declared {
  columns: ReadonlyMap<string, MaskKind | undefined>;
  /** Overview fields by their label's catalog key. */
  fields: ReadonlyMap<string, MaskKind | undefined>;
  /** The object's name itself is sensitive (a secret's): a detail snapshot keeps no title. */
  sensitiveName?: MaskKind;
}

export interface StripContext {
  /** Project IDs never stored (the session's project, every project the user can see). */
  projectIds: readonly string[];
  removeIps: boolean;
  declared?: Declared;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// A dotted quad, with an optional prefix length; checked by isIPv4 so that version numbers like 1.2.3.4000 stay.
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)(?:\/\d{1,2})?/g;
// Anything with two colons or more made of hex groups; isIPv6 decides (times like 12:30:45 and MACs are not).
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?:\/\d{1,3})?(?![\w:]|\.\d)/g;
const HEX32 = /^[0-9a-f]{32}$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A project ID as Keystone writes it and as a UUID with dashes (some clouds print that form). */
function idForms(id: string): string[] {
  if (!HEX32.test(id)) return [id];
  return [id, `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`];
}

/** The function that removes sensitive text from one string. */
export function textStripper(ctx: Pick<StripContext, 'projectIds' | 'removeIps'>): (s: string) => string {
  const ids = [...new Set(ctx.projectIds.filter((id) => id.length >= 8).flatMap(idForms))];
  const idPattern = ids.length ? new RegExp(ids.map(escape).join('|'), 'gi') : undefined;
  return (s) => {
    let out = s.replace(EMAIL, REMOVED);
    if (idPattern) out = out.replace(idPattern, REMOVED);
    if (ctx.removeIps) {
      // IPv6 first: an IPv4-mapped address (::ffff:10.0.0.1) goes whole.
      out = out.replace(IPV6, (m) => (isIPv6(m.split('/')[0]) ? REMOVED : m));
      out = out.replace(IPV4, (m) => (isIPv4(m.split('/')[0]) ? REMOVED : m));
    }
    return out;
  };
}

function stripView(view: SnapshotView, ctx: StripContext, clean: (s: string) => string): SnapshotView {
  const declared = ctx.declared;
  if (view.type === 'list') {
    const keep = view.columns.map((c) => !c.sensitive && !declared?.columns.get(c.id));
    return {
      type: 'list',
      columns: view.columns.filter((_, i) => keep[i]).map((c) => ({ id: c.id, label: clean(c.label) })),
      rows: view.rows.map((r) => r.filter((_, i) => keep[i]).map(clean)),
    };
  }
  if (view.type === 'detail') {
    return {
      type: 'detail',
      fields: view.fields
        .filter((f) => !f.sensitive && !(f.key !== undefined && declared?.fields.get(f.key)))
        .map((f) => ({ ...(f.key !== undefined ? { key: f.key } : {}), label: clean(f.label), value: clean(f.value) })),
    };
  }
  return {
    ...view,
    nodes: view.nodes.map((n) => ({ ...n, kindLabel: clean(n.kindLabel), label: clean(n.label), status: clean(n.status), lines: n.lines.map(clean) })),
    edges: view.edges.map((e) => ({ ...e, label: clean(e.label) })),
    connections: view.connections.map(clean),
  };
}

/** The snapshot as it may be stored: sensitive columns and fields gone, sensitive text masked. */
export function stripSnapshot(input: SnapshotCreate, ctx: StripContext): { title: string; kindLabel: string; view: SnapshotView; removed: StripKind[] } {
  const clean = textStripper(ctx);
  const hideTitle = input.view.type === 'detail' && ctx.declared?.sensitiveName !== undefined;
  return {
    title: hideTitle ? '' : clean(input.title),
    kindLabel: clean(input.kindLabel),
    view: stripView(input.view, ctx, clean),
    removed: ['email', 'projectId', 'secretName', ...(ctx.removeIps ? (['ip'] as const) : [])],
  };
}
