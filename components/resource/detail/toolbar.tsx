'use client';

import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMsg } from '@/components/i18n/use-msg';
import { useIsAdmin, useSectionAccess } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import type { DetailForm, DetailLink, ResourceDefinition } from '@/lib/resources/types';
import { DetailFormBody } from '../resource-form';
import { useRunAction } from '../use-run-action';
import { DownloadButton } from './download-button';

/**
 * The toolbar's panels: one open at a time, shown below the row at its full width (never between its buttons, so
 * Delete stays at the row's end). A page's own buttons (`extra`) take part through `PanelToggle` and `ToolbarPanel`.
 */
interface Panels {
  open: string | null;
  set: (id: string | null) => void;
  slot: HTMLElement | null;
  /** The id of the area below the row, for the toggles' aria-controls. */
  areaId: string;
}

const PanelContext = createContext<Panels | null>(null);

/** A panel of the toolbar around: whether it is open, and its toggle. */
export function useToolbarPanel(id: string) {
  const ctx = useContext(PanelContext);
  const open = ctx?.open === id;
  return {
    open,
    toggle: () => ctx?.set(open ? null : id),
    close: () => {
      if (ctx?.open === id) ctx.set(null);
    },
    areaId: ctx?.areaId,
  };
}

/** A button of the row that opens (or closes) the panel `id` below the row; its tooltip the equivalent `cli`. */
export function PanelToggle({ id, label, cli, when = true }: { id: string; label: string; cli?: string; when?: boolean }) {
  const panel = useToolbarPanel(id);
  if (!when) return null;
  return (
    <button type="button" className={buttonClass.secondary} aria-expanded={panel.open} aria-controls={panel.areaId} title={cli} onClick={panel.toggle}>
      {label}
    </button>
  );
}

/** The panel `id`'s content, below the row while it is open (and while `when` holds: a state the API refuses closes it). */
export function ToolbarPanel({ id, when = true, children }: { id: string; when?: boolean; children: (close: () => void) => ReactNode }) {
  const panel = useToolbarPanel(id);
  return panel.open && when ? <BelowToolbar>{children(panel.close)}</BelowToolbar> : null;
}

/** Content below the row (what a button of the row answered: a download's error), outside any panel. */
export function BelowToolbar({ children }: { children: ReactNode }) {
  const slot = useContext(PanelContext)?.slot;
  return slot ? createPortal(children, slot) : null;
}

/**
 * An object's toolbar (unless `hidden`, when it is gone): one row of its actions, links, forms, downloads and `extra`
 * buttons, the destructive actions at its end; below it the open panel (a form), what an action failed with, and its
 * confirmation. `initialPanel` opens a panel at once (a row menu's "Attach" leads to `?open=attach`); `onPanelChange`
 * tells the page, which then forgets the request.
 */
export function DetailToolbar<T>({ def, row, extra, hidden, initialPanel = null, onPanelChange }: { def: ResourceDefinition<T>; row: T; extra?: ReactNode; hidden?: boolean; initialPanel?: string | null; onPanelChange?: (id: string | null) => void }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const isAdmin = useIsAdmin();
  const actions = useRunAction(def);
  const [open, setOpen] = useState<string | null>(initialPanel);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const areaId = useId();
  const set = useCallback(
    (id: string | null) => {
      setOpen(id);
      onPanelChange?.(id);
    },
    [onPanelChange],
  );
  const panels = useMemo(() => ({ open, set, slot, areaId }), [open, set, slot, areaId]);
  const available = (def.actions ?? []).filter((a) => a.allowed(row, { isAdmin }));
  const forms = (def.forms ?? []).filter((f) => (!f.adminOnly || isAdmin) && (!f.when || f.when(row)));
  const button = (a: (typeof available)[number]) => (
    <button key={a.id} type="button" className={a.destructive ? `${buttonClass.secondary} text-red-700 dark:text-red-300` : buttonClass.secondary} title={a.cli(row)} onClick={() => actions.run(a, [row])}>
      {m(a.label)}
    </button>
  );
  const destructive = available.filter((a) => a.destructive);
  const main = available.filter((a) => !a.destructive && !a.more);
  const moreActions = available.filter((a) => !a.destructive && a.more);
  const mainForms = forms.filter((f) => !f.more);
  const moreForms = forms.filter((f) => f.more);
  const hasMore = moreActions.length + moreForms.length > 0;
  // Opened already when a row menu asked for one of its forms (`?open=rebuild`), so its toggle shows pressed.
  const [moreOpen, setMoreOpen] = useState(() => moreForms.some((f) => f.id === initialPanel));
  const moreId = useId();
  const toggle = (f: DetailForm<T>) => <PanelToggle key={f.id} id={f.id} label={m(f.toggle?.(row) ?? f.label)} cli={f.hint?.(row)} />;
  return (
    <PanelContext.Provider value={panels}>
      {!hidden && (
        <div className="space-y-3">
          <div role="toolbar" aria-label={t('actionsOf', { label: m(def.label.singular) })} className="flex flex-wrap items-center gap-2">
            {main.map(button)}
            {(def.links ?? [])
              .filter((l) => !l.when || l.when(row))
              .map((l, i) => (
                <DetailLinkButton key={i} link={l} row={row} />
              ))}
            {mainForms.map(toggle)}
            {(def.downloads ?? [])
              .filter((d) => !d.when || d.when(row))
              .map((d, i) => (
                <DownloadButton key={i} def={def} spec={d} row={row} />
              ))}
            {extra}
            {hasMore && (
              <button type="button" className={buttonClass.secondary} aria-expanded={moreOpen} aria-controls={moreOpen ? moreId : undefined} onClick={() => setMoreOpen((o) => !o)}>
                {t('moreActions')}
              </button>
            )}
            {/* The less common ones, while open, on a line of their own in the toolbar (Tab reaches them in order);
                not in the page at all while closed. Before Delete, which stays the row's last control. */}
            {hasMore && moreOpen && (
              <div id={moreId} role="group" aria-label={t('moreActions')} className="flex basis-full flex-wrap gap-2 border-y border-zinc-200 py-2 dark:border-zinc-700">
                {moreActions.map(button)}
                {moreForms.map(toggle)}
              </div>
            )}
            {/* Destructive last, apart at the row's end: out of the way of a quick click on its neighbours. */}
            {destructive.length > 0 && <span className="ml-auto flex flex-wrap gap-2">{destructive.map(button)}</span>}
          </div>
          {forms.map((f) => (
            <FormPanel key={f.id} def={def} spec={f} row={row} />
          ))}
          <div id={areaId} ref={setSlot} className="empty:hidden" />
        </div>
      )}
      {actions.feedback}
      {actions.dialog}
    </PanelContext.Provider>
  );
}

/** A definition's form in the area below the row while its toggle is pressed. */
function FormPanel<T>({ def, spec, row }: { def: ResourceDefinition<T>; spec: DetailForm<T>; row: T }) {
  return <ToolbarPanel id={spec.id}>{(close) => <DetailFormBody key={spec.resetKey?.(row)} def={def} spec={spec} row={row} onDone={close} />}</ToolbarPanel>;
}

/** A definition's link; one that needs its section only when the user can use that section in this cloud. */
function DetailLinkButton<T>({ link, row }: { link: DetailLink<T>; row: T }) {
  const m = useMsg();
  const href = useResourceHref();
  const to = link.to(row);
  const access = useSectionAccess(to.slug);
  if (link.needsSection && access !== 'ok') return null;
  return (
    <Link href={href(to.slug, to.rest, to.query)} className={buttonClass.secondary} title={link.cli?.(row)}>
      {m(link.label)}
    </Link>
  );
}
