// Account and container listings: Swift's marker/prefix/delimiter paging and its text, JSON and
// XML formats.
import type { RequestContext } from '../../core/context';
import type { Reply } from '../../core/reply';
import { fail } from './http';

export const LISTING_LIMIT = 10000;

export interface Listing {
  name?: string;
  subdir?: string;
}

/** marker/end_marker/prefix/delimiter/limit/reverse over sorted names, as Swift lists. */
export function listNames<T extends { name: string }>(ctx: RequestContext, items: T[]): Array<T | { subdir: string }> {
  const q = ctx.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const marker = q.get('marker') ?? '';
  const endMarker = q.get('end_marker') ?? '';
  const reverse = ['true', '1', 'yes', 'on'].includes((q.get('reverse') ?? '').toLowerCase());
  let limit = LISTING_LIMIT;
  if (q.get('limit') !== null) {
    const n = Number(q.get('limit'));
    if (!Number.isInteger(n) || n < 0) throw fail(412);
    if (n > LISTING_LIMIT) throw fail(412);
    limit = n;
  }
  let sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (reverse) sorted = sorted.reverse();
  const out: Array<T | { subdir: string }> = [];
  const seen = new Set<string>();
  for (const item of sorted) {
    if (out.length >= limit) break;
    if (marker && (reverse ? item.name >= marker : item.name <= marker)) continue;
    if (endMarker && (reverse ? item.name <= endMarker : item.name >= endMarker)) continue;
    if (!item.name.startsWith(prefix)) continue;
    if (delimiter) {
      const i = item.name.indexOf(delimiter, prefix.length);
      if (i >= 0) {
        const subdir = item.name.slice(0, i + delimiter.length);
        if (!seen.has(subdir)) {
          seen.add(subdir);
          if (!(marker && !reverse && subdir <= marker)) out.push({ subdir });
        }
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function wantsJson(ctx: RequestContext): 'json' | 'xml' | 'text' {
  const f = (ctx.query.get('format') ?? '').toLowerCase();
  if (f === 'json') return 'json';
  if (f === 'xml') return 'xml';
  if (f === 'plain' || f === 'text') return 'text';
  const accept = (ctx.header('accept') ?? '').toLowerCase();
  if (accept.includes('application/json')) return 'json';
  if (accept.includes('application/xml') || accept.includes('text/xml')) return 'xml';
  return 'text';
}

export function listingReply(ctx: RequestContext, rows: Listing[], json: unknown[], headers: Record<string, string>): Reply {
  const format = wantsJson(ctx);
  if (format === 'json') return { status: 200, raw: JSON.stringify(json), contentType: 'application/json; charset=utf-8', headers };
  if (rows.length === 0) return { status: 204, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } };
  const text = rows.map((r) => `${r.name ?? r.subdir}\n`).join('');
  if (format === 'xml') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<list>${rows.map((r) => `<name>${esc(r.name ?? r.subdir ?? '')}</name>`).join('')}</list>`;
    return { status: 200, raw: xml, contentType: 'application/xml; charset=utf-8', headers };
  }
  return { status: 200, raw: text, contentType: 'text/plain; charset=utf-8', headers };
}
