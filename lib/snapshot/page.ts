// The snapshot's page: a whole HTML document with no script and one stylesheet (allowed by its hash), made from the
// stored text and numbers only, every value escaped (html.ts). Pure: the route (app/s/[id]/route.ts) gives it the
// translated words.
import crypto from 'node:crypto';
import { Html, html } from './html';
import type { DetailSnapshot, ListSnapshot, StoredSnapshot, StripKind, TopologySnapshot } from './schema';

/** The page's words: `t` reads the `snapshotPage` catalog namespace. */
export interface PageText {
  locale: string;
  t: (key: string, values?: Record<string, string | number>) => string;
  date: (ms: number) => string;
  list: (items: string[]) => string;
}

const CSS = `
:root{color-scheme:light dark;--fg:#18181b;--muted:#52525b;--bg:#fff;--line:#d4d4d8;--head:#f4f4f5;--badge:#1e40af;--badge-bg:#dbeafe;--ok:#166534;--busy:#92400e;--error:#991b1b}
@media (prefers-color-scheme:dark){:root{--fg:#f4f4f5;--muted:#d4d4d8;--bg:#18181b;--line:#3f3f46;--head:#27272a;--badge:#dbeafe;--badge-bg:#1e3a8a;--ok:#86efac;--busy:#fcd34d;--error:#fca5a5}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:80rem;margin:0 auto;padding:1rem 1.5rem}
header{display:flex;gap:.75rem;align-items:center;border-bottom:1px solid var(--line)}
.brand{font-weight:600}
.badge{display:inline-block;padding:.125rem .5rem;border-radius:999px;background:var(--badge-bg);color:var(--badge);font-size:.8rem;font-weight:600}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0;color:var(--muted)}
.meta div{display:flex;gap:.4rem}
.meta dt{font-weight:600}
.meta dd{margin:0}
.note{color:var(--muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--head)}
dl.fields{display:grid;grid-template-columns:minmax(8rem,16rem) 1fr;gap:.25rem 1rem}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0;overflow-wrap:anywhere}
svg[role=img]{max-width:none;border:1px solid var(--line);border-radius:.5rem}
svg .node{fill:var(--bg);stroke:var(--line)}
svg .group{fill:var(--head);stroke:var(--muted);stroke-dasharray:5 4}
svg .label{font-weight:600;font-size:13px}
svg .status{font-size:10px;text-anchor:end}
svg .kind{font-size:10px;letter-spacing:.05em;text-transform:uppercase;fill:var(--muted)}
svg .line{font-family:ui-monospace,monospace;font-size:11px}
svg .edge{fill:none;stroke:var(--muted);stroke-width:1.5}
svg text{fill:var(--fg);font-size:12px}
svg .ok{fill:var(--ok)} svg .busy{fill:var(--busy)} svg .error{fill:var(--error)} svg .unknown{fill:var(--muted)}
`;

/** The page's Content-Security-Policy: no script at all, this stylesheet only, nothing loaded, never framed. */
export const SNAPSHOT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${crypto.createHash('sha256').update(CSS).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const REMOVED_KEY: Record<StripKind, string> = { email: 'removed.email', projectId: 'removed.projectId', secretName: 'removed.secretName', ip: 'removed.ip' };

function document(text: PageText, title: string, body: Html): string {
  return `<!DOCTYPE html>${html`<html lang="${text.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title}</title><style>${new Html(CSS)}</style></head><body><header><span class="brand">Stratus</span><span class="badge">${text.t('badge')}</span></header>${body}</body></html>`}`;
}

function listView(v: ListSnapshot, s: StoredSnapshot, text: PageText): Html {
  if (!v.rows.length) return html`<p>${text.t('noRows')}</p>`;
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${s.kindLabel}"><table><caption>${text.t('caption', { kind: s.kindLabel, count: v.rows.length })}</caption><thead><tr>${v.columns.map(
    (c) => html`<th scope="col">${c.label}</th>`,
  )}</tr></thead><tbody>${v.rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table></div>`;
}

function detailView(v: DetailSnapshot): Html {
  return html`<dl class="fields">${v.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value || '—'}</dd>`)}</dl>`;
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** A box of the picture: a nested svg, so that its text is clipped to the box as the page's own nodes are. */
function topologyNode(node: TopologySnapshot['nodes'][number]): Html {
  const box = html`x="${n(node.x)}" y="${n(node.y)}" width="${n(node.w)}" height="${n(node.h)}"`;
  if (node.kind === 'group') {
    return html`<svg ${box}><rect class="group" x="1" y="1" width="${n(node.w - 2)}" height="${n(node.h - 2)}" rx="8"></rect><text x="10" y="22">${node.label}</text>${node.lines.map((l) => html`<text x="10" y="40">${l}</text>`)}</svg>`;
  }
  // A floating IP beside its instance is a pill: its address only.
  const pill = node.h < 40;
  return html`<svg ${box}><rect class="node" x="0.5" y="0.5" width="${n(node.w - 1)}" height="${n(node.h - 1)}" rx="6"></rect><rect class="${node.tone}" x="0.5" y="0.5" width="4" height="${n(node.h - 1)}"></rect>${
    pill
      ? html`<text x="12" y="${n(node.h / 2 + 4)}" class="label">${node.label}</text>`
      : html`<text x="12" y="15" class="kind">${node.kindLabel}</text><text x="${n(node.w - 8)}" y="15" class="status">${node.status}</text><text x="12" y="32" class="label">${node.label}</text>${node.lines.map((line, i) => html`<text x="12" y="${48 + i * 15}" class="line">${line}</text>`)}`
  }</svg>`;
}

function topologyView(v: TopologySnapshot, text: PageText): Html {
  const edges = v.edges.map((e) => html`<polyline class="edge" points="${e.points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}"></polyline>`);
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${text.t('picture')}"><svg role="img" aria-labelledby="topology-title" viewBox="0 0 ${n(v.width)} ${n(v.height)}" width="${n(v.width)}" height="${n(v.height)}"><title id="topology-title">${text.t('picture')}</title>${edges}${v.nodes.map(topologyNode)}</svg></div><h2>${text.t('connections')}</h2>${
    v.connections.length ? html`<ul>${v.connections.map((c) => html`<li>${c}</li>`)}</ul>` : html`<p>${text.t('noConnections')}</p>`
  }`;
}

export function snapshotPage(s: StoredSnapshot, text: PageText): string {
  const heading = s.title || s.kindLabel || text.t('untitled');
  const view = s.view.type === 'list' ? listView(s.view, s, text) : s.view.type === 'detail' ? detailView(s.view) : topologyView(s.view, text);
  const body = html`<main><p class="note">${s.title && s.kindLabel !== s.title ? s.kindLabel : ''}</p><h1>${heading}</h1><dl class="meta"><div><dt>${text.t('sharedBy')}</dt><dd>${s.sharedBy}</dd></div><div><dt>${text.t('taken')}</dt><dd>${text.date(s.createdAt)}</dd></div><div><dt>${text.t('expires')}</dt><dd>${text.date(s.expiresAt)}</dd></div></dl><p class="note">${text.t('note')} ${text.t('removedList', { list: text.list(s.removed.map((k) => text.t(REMOVED_KEY[k]))) })}</p>${view}</main>`;
  return document(text, text.t('documentTitle', { title: heading }), body);
}

/** The page of a link that answers 410 (expired or revoked) or 404 (never existed). */
export function snapshotGonePage(state: 'gone' | 'missing', text: PageText): string {
  const title = text.t(state === 'gone' ? 'gone.title' : 'missing.title');
  return document(text, title, html`<main><h1>${title}</h1><p>${text.t(state === 'gone' ? 'gone.body' : 'missing.body')}</p></main>`);
}
