'use client';
// The network topology page: the picture (HTML nodes over an SVG edge layer, in one transformed plane for zoom
// and pan), its toolbar, and the text alternative (every connection as a sentence).
import Link from '@/components/ui/intent-link';
import { useFormatter, useTranslations } from 'next-intl';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { StatusBadge } from '@/components/resource/status-badge';
import { buttonClass } from '@/components/ui/button';
import { errorText } from '@/lib/client/api';
import { useMsg } from '@/components/i18n/use-msg';
import { useResourceHref } from '@/lib/resources/hooks';
import type { Tone } from '@/lib/resources/types';
import { buildTopology, KIND_LABEL, KIND_SLUG, nodeName, type Topology } from '@/lib/topology/graph';
import { COLLAPSE_AT, layoutTopology, type PlacedEdge, type PlacedGroup, type PlacedNode } from '@/lib/topology/layout';
import { fitView, initialView, panBy, zoomView, type View } from '@/lib/topology/viewport';
import { useTopology } from '@/lib/resources/network/topology';
import { ShareSnapshot } from '@/components/snapshot/share-snapshot';
import { topologyCapture } from '@/lib/snapshot/capture';
import { exportQuery } from '@/lib/resources/iac/handoff';
import { useSectionAccess } from '@/components/shell/session-context';

const STEP = 1.25;
// The zoom-out button's symbol (a minus sign, not a hyphen).
const MINUS = '\u2212';

const TONE_BORDER: Record<Tone, string> = {
  ok: 'border-l-emerald-500',
  busy: 'border-l-amber-500',
  error: 'border-l-red-500',
  unknown: 'border-l-zinc-400',
};
/** A collapsed group's summary, per status tone: "3 ok · 1 error" (keys under topology.group). */
const TONE_COUNT = { ok: 'tone.ok', busy: 'tone.busy', error: 'tone.error', unknown: 'tone.unknown' } as const satisfies Record<Tone, string>;
const EDGE_STYLE: Record<PlacedEdge['kind'], { stroke: string; dash?: string }> = {
  gateway: { stroke: '#0284c7', dash: '6 4' },
  interface: { stroke: '#52525b' },
  nic: { stroke: '#a1a1aa' },
  floating: { stroke: '#7c3aed', dash: '2 3' },
  vip: { stroke: '#0d9488' },
  member: { stroke: '#0d9488', dash: '4 3' },
};

const sizeOf = (el: HTMLElement) => ({ width: el.clientWidth, height: el.clientHeight });

function pathOf(points: { x: number; y: number }[]): string {
  if (points.length === 2) {
    const [a, b] = points;
    const dx = Math.max(30, Math.abs(b.x - a.x) / 2);
    return `M${a.x},${a.y} C${a.x + dx},${a.y} ${b.x - dx},${b.y} ${b.x},${b.y}`;
  }
  return `M${points.map((p) => `${p.x},${p.y}`).join(' L')}`;
}

/**
 * A node is a link (Tab reaches it) named by its kind, label, the lines under it and its status, in the order they are
 * shown (a speech user says what they see: WCAG 2.5.3), with a focus ring above its neighbours.
 */
function NodeBox({ p, href }: { p: PlacedNode; href: string }) {
  const t = useTranslations('topology');
  const m = useMsg();
  const format = useFormatter();
  const n = p.node;
  const pill = n.kind === 'floatingip' && p.h < 40;
  const lines = pill ? [] : n.lines.slice(0, 3);
  return (
    <Link
      href={href}
      prefetch={false}
      // A pill shows "FIP <address>": its name starts with those words, as a speech user reads them (WCAG 2.5.3).
      aria-label={format.list([pill ? `${t('fip')} ${n.label}` : m(nodeName(n)), ...lines, m(n.status.label)], { type: 'unit' })}
      data-node={n.key}
      className={`absolute overflow-hidden rounded-md border border-l-4 border-zinc-300 bg-white px-2 text-left leading-tight shadow-xs hover:border-brand-500 hover:shadow-md focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-700 dark:bg-zinc-900 ${pill ? 'flex items-center' : 'grid grid-cols-[minmax(0,1fr)_auto] content-center gap-x-2 gap-y-0.5'} ${TONE_BORDER[n.status.tone]} ${n.kind === 'external' ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}
      style={{ left: p.x, top: p.y, width: p.w, height: p.h }}
    >
      {pill ? (
        <span className="flex w-full items-center gap-1.5 truncate text-xs">
          <span aria-hidden="true" className="font-medium text-violet-700 dark:text-violet-300">{t('fip')}</span>{' '}
          <span className="truncate font-mono">{n.label}</span>{' '}
          <span aria-hidden="true" className="ml-auto text-[10px] text-zinc-500 dark:text-zinc-400">{m(n.status.label)}</span>
        </span>
      ) : (
        <>
          {/* In the DOM in the order of the link's name (kind, name, lines, status), apart by spaces as words are (what
              axe and speech software read); the grid puts the status top right, its word drawn by CSS (StatusBadge
              `drawn`), so that a node the picture's edge cuts on any side still shows a prefix or a suffix of its name
              (WCAG 2.5.3: a bottom cut left "Network ACTIVE" showing, which the name does not hold in that order). */}
          <span aria-hidden="true" className="truncate text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{m(KIND_LABEL[n.kind])}</span>{' '}
          <span className="col-span-2 truncate text-sm font-semibold" title={n.label}>
            {n.label}
          </span>
          {lines.map((l) => (
            <Fragment key={l}>
              {' '}
              <span aria-hidden="true" className="col-span-2 truncate font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
                {l}
              </span>
            </Fragment>
          ))}{' '}
          <span aria-hidden="true" className="col-start-2 row-start-1 scale-90">
            <StatusBadge status={n.status} drawn />
          </span>
        </>
      )}
    </Link>
  );
}

function GroupBox({ topo, g, onToggle }: { topo: Topology; g: PlacedGroup; onToggle: () => void }) {
  const t = useTranslations('topology.group');
  const net = topo.nodes.get(g.network);
  const values = { count: g.members.length, network: net?.label ?? '' };
  const summary = (Object.entries(g.counts) as [Tone, number][]).map(([tone, count]) => t(TONE_COUNT[tone], { count })).join(' · ');
  return (
    <div
      className="absolute rounded-lg border border-dashed border-zinc-400 bg-zinc-50/80 dark:border-zinc-600 dark:bg-zinc-900/60"
      style={{ left: g.x, top: g.y, width: g.w, height: g.h }}
      data-group={g.key}
    >
      <div className="flex h-[34px] items-center gap-2 px-2.5 text-xs">
        <span className="truncate font-medium text-zinc-700 dark:text-zinc-300">
          {net ? t('title', values) : t('titleNoNetwork', values)}
        </span>
        <button
          type="button"
          className="ml-auto shrink-0 rounded px-1.5 py-0.5 text-brand-700 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-300 dark:hover:bg-zinc-800"
          aria-expanded={!g.collapsed}
          aria-label={g.collapsed ? (net ? t('show', values) : t('showNoNetwork', values)) : net ? t('collapse', values) : t('collapseNoNetwork')}
          onClick={onToggle}
        >
          {g.collapsed ? t('showButton') : t('collapseButton')}
        </button>
      </div>
      {g.collapsed && <p className="px-2.5 text-xs text-zinc-600 dark:text-zinc-400">{summary}</p>}
    </div>
  );
}

export function TopologyView() {
  const t = useTranslations('topology');
  const ti = useTranslations('iac.export');
  const canExport = useSectionAccess('heat-export') === 'ok';
  const m = useMsg();
  const format = useFormatter();
  const q = useTopology();
  const href = useResourceHref();
  const topo = useMemo(() => (q.data ? buildTopology(q.data) : undefined), [q.data]);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const layout = useMemo(() => (topo ? layoutTopology(topo, expanded) : undefined), [topo, expanded]);
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setViewState] = useState<View | null>(null);
  // The wheel handler decides synchronously whether the picture moves (else the page scrolls): it reads this.
  const viewRef = useRef<View | null>(null);
  const setView = useCallback((next: View | null | ((v: View | null) => View | null)) => {
    const v = typeof next === 'function' ? next(viewRef.current) : next;
    viewRef.current = v;
    setViewState(v);
  }, []);
  const drag = useRef<{ id: number; x: number; y: number; vx: number; vy: number } | null>(null);

  const fit = useCallback(() => {
    const el = viewport.current;
    if (el && layout) setView(fitView(layout, sizeOf(el)));
  }, [layout, setView]);
  const reset = useCallback(() => {
    const el = viewport.current;
    if (el && layout) setView(initialView(layout, sizeOf(el)));
  }, [layout, setView]);

  // A readable view once the first picture arrives (viewport.ts); later polls keep the user's zoom and position.
  useEffect(() => {
    if (!view && layout) reset();
  }, [view, layout, reset]);

  const zoomAt = useCallback(
    (factor: number, cx?: number, cy?: number) => {
      const el = viewport.current;
      setView((v) => (v && el ? zoomView(v, factor, { x: cx ?? el.clientWidth / 2, y: cy ?? el.clientHeight / 2 }) : v));
    },
    [setView],
  );

  // The wheel scrolls the picture (the page once the picture's edge is reached); Ctrl or Cmd with the wheel, and a
  // trackpad pinch (which the browser sends as one), zooms. A non-passive listener, to keep the page still.
  useEffect(() => {
    const el = viewport.current;
    if (!el || !layout) return;
    const onWheel = (e: WheelEvent) => {
      const v = viewRef.current;
      if (!v) return;
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomAt(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
        return;
      }
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? el.clientHeight : 1;
      // Shift turns a vertical wheel sideways where the platform does not already.
      const [dx, dy] = e.shiftKey && !e.deltaX ? [e.deltaY, 0] : [e.deltaX, e.deltaY];
      const next = panBy(v, layout, sizeOf(el), -dx * unit, -dy * unit);
      if (next === v) return;
      e.preventDefault();
      setView(next);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt, layout, setView]);

  // The browser scrolls this overflow-hidden box itself to reveal a focused or found target: fold that scroll into
  // the view (in the same frame, so nothing jumps), so that the view alone says where the picture is (panBy's
  // edges, the zoom's fixed point, revealing a focused node).
  function onScroll(e: React.UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    const { scrollLeft: sx, scrollTop: sy } = el;
    if (!sx && !sy) return;
    flushSync(() => setView((v) => (v ? { ...v, x: v.x - sx, y: v.y - sy } : v)));
    el.scrollTo(0, 0);
  }
  function onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
    if (e.button !== 0 || (e.target as HTMLElement).closest('a,button') || !view) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setView((v) => (v ? { ...v, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y } : v));
  }
  function onPointerUp(e: ReactPointerEvent<HTMLDivElement>) {
    if (drag.current?.id === e.pointerId) drag.current = null;
  }
  // Keyboard users tab through the nodes and the groups' buttons: bring the focused one into view, in the next
  // frame (after the browser's own scrolling, which onScroll has folded into the view by then).
  function onFocus(e: React.FocusEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    if (!(target.dataset.node || target.closest('[data-group]'))) return;
    requestAnimationFrame(() => {
      const el = viewport.current;
      const v = viewRef.current;
      if (!el || !v || !target.isConnected) return;
      const box = target.getBoundingClientRect();
      const vp = el.getBoundingClientRect();
      let { x, y } = v;
      if (box.left < vp.left) x += vp.left - box.left + 16;
      else if (box.right > vp.right) x -= box.right - vp.right + 16;
      if (box.top < vp.top) y += vp.top - box.top + 16;
      else if (box.bottom > vp.bottom) y -= box.bottom - vp.bottom + 16;
      if (x !== v.x || y !== v.y) setView({ ...v, x, y });
    });
  }

  const toggleAll = (open: boolean) => setExpanded(Object.fromEntries((layout?.groups ?? []).map((g) => [g.key, open])));
  const stale = q.isError && !!q.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {q.isFetching ? t('refreshing') : topo?.busy ? t('busy') : ''}
          </span>
          {topo && layout && <ShareSnapshot capture={() => topologyCapture(topo, layout, t('heading'), m)} />}
        </span>
      </div>
      {stale && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {t('stale', { error: q.error ? m(errorText(q.error)) : t('staleError'), time: format.dateTime(q.dataUpdatedAt, { timeStyle: 'medium' }) })}
        </p>
      )}
      {q.isError && !q.data && (
        <div className="space-y-2">
          <ApiErrorNotice title={t('loadFailed')} error={q.error} />
          <button type="button" className={buttonClass.secondary} onClick={() => void q.refetch()}>
            {t('retry')}
          </button>
        </div>
      )}
      {q.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {topo && layout && (
        <>
          <div role="toolbar" aria-label={t('toolbar')} className="flex flex-wrap items-center gap-2">
            <button type="button" className={buttonClass.secondary} aria-label={t('zoomIn')} onClick={() => zoomAt(STEP)}>
              +
            </button>
            <button type="button" className={buttonClass.secondary} aria-label={t('zoomOut')} onClick={() => zoomAt(1 / STEP)}>
              {MINUS}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={fit}>
              {t('fit')}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={reset}>
              {t('reset')}
            </button>
            {layout.groups.length > 0 && (
              <>
                <button type="button" className={buttonClass.ghost} onClick={() => toggleAll(true)}>
                  {t('expandAll')}
                </button>
                <button type="button" className={buttonClass.ghost} onClick={() => toggleAll(false)}>
                  {t('collapseAll')}
                </button>
              </>
            )}
            {/* The project's own objects of the picture, chosen on the export page (external networks are the cloud's). */}
            {canExport && <Link href={href('heat-export', '', exportQuery([...topo.nodes.values()].filter((n) => n.kind !== 'external' && !n.missing).map((n) => ({ slug: KIND_SLUG[n.kind], id: n.id }))))} className={buttonClass.ghost}>
              {ti('fromTopology')}
            </Link>}
            <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" aria-live="polite">
              {view ? format.number(view.scale, { style: 'percent', maximumFractionDigits: 0 }) : ''}
            </span>
            <ul className="ml-auto flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label={t('legend.label')}>
              <li><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 border-t-2 border-dashed border-sky-600 align-middle" />{t('legend.gateway')}</li>
              <li><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 border-t-2 border-zinc-600 align-middle" />{t('legend.interface')}</li>
              <li><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 border-t-2 border-zinc-400 align-middle" />{t('legend.nic')}</li>
              <li><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 border-t-2 border-dotted border-violet-600 align-middle" />{t('legend.floating')}</li>
              {[...topo.nodes.values()].some((n) => n.kind === 'loadbalancer') && (
                <li><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-5 border-t-2 border-dashed border-teal-600 align-middle" />{t('legend.member')}</li>
              )}
            </ul>
          </div>
          <figure aria-label={t('heading')} className="m-0">
            <div
              ref={viewport}
              className="relative h-[68vh] min-h-[420px] cursor-grab touch-none active:cursor-grabbing overflow-hidden rounded-lg border border-zinc-200 bg-white select-none dark:border-zinc-800 dark:bg-zinc-950"
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onFocus={onFocus}
              onScroll={onScroll}
            >
              {layout.nodes.length === 0 && layout.groups.length === 0 ? (
                <p className="p-6 text-sm text-zinc-500 dark:text-zinc-400">{t('empty')}</p>
              ) : (
                <div
                  className="absolute top-0 left-0 origin-top-left"
                  style={{ width: layout.width, height: layout.height, transform: view ? `translate(${view.x}px, ${view.y}px) scale(${view.scale})` : undefined, visibility: view ? 'visible' : 'hidden' }}
                >
                  <svg className="pointer-events-none absolute inset-0" width={layout.width} height={layout.height} aria-hidden="true">
                    {layout.edges.map((e) => (
                      <path key={e.key} d={pathOf(e.points)} fill="none" stroke={EDGE_STYLE[e.kind].stroke} strokeDasharray={EDGE_STYLE[e.kind].dash} strokeWidth={1.5} />
                    ))}
                  </svg>
                  {layout.groups.map((g) => (
                    <GroupBox key={g.key} topo={topo} g={g} onToggle={() => setExpanded((x) => ({ ...x, [g.key]: g.collapsed }))} />
                  ))}
                  {layout.nodes.map((p) => (
                    <NodeBox key={p.node.key} p={p} href={href(KIND_SLUG[p.node.kind], encodeURIComponent(p.node.id))} />
                  ))}
                </div>
              )}
            </div>
            <figcaption className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              {t('caption', { count: COLLAPSE_AT })}
            </figcaption>
          </figure>
          <section aria-labelledby="topology-connections" className="space-y-2">
            <h2 id="topology-connections" className="text-lg font-semibold">
              {t('connections.heading')}
            </h2>
            {/* Focusable: a long list scrolls, and a keyboard user must be able to scroll it too (axe scrollable-region-focusable). */}
            <ul tabIndex={0} aria-label={t('connections.heading')} className="max-h-80 list-disc space-y-0.5 overflow-auto pl-5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600">
              {topo.connections.map((c, i) => (
                <li key={i}>{m(c)}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
