'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { useIsAdmin, useSectionAccess } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import type { DetailLink, ResourceDefinition } from '@/lib/resources/types';
import { DetailFormToggle } from '../resource-form';
import { useRunAction } from '../use-run-action';
import { DownloadButton } from './download-button';

/**
 * An object's toolbar (unless `hidden`, when it is gone): its actions, links, forms, downloads and `extra` buttons, the
 * destructive actions last; then what an action failed with, and its confirmation.
 */
export function DetailToolbar<T>({ def, row, extra, hidden }: { def: ResourceDefinition<T>; row: T; extra?: ReactNode; hidden?: boolean }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const isAdmin = useIsAdmin();
  const actions = useRunAction(def);
  const available = (def.actions ?? []).filter((a) => a.allowed(row, { isAdmin }));
  const button = (a: (typeof available)[number]) => (
    <button key={a.id} type="button" className={a.destructive ? `${buttonClass.secondary} text-red-700 dark:text-red-300` : buttonClass.secondary} title={a.cli(row)} onClick={() => actions.run(a, [row])}>
      {m(a.label)}
    </button>
  );
  return (
    <>
      {!hidden && (
        <div role="toolbar" aria-label={t('actionsOf', { label: m(def.label.singular) })} className="flex flex-wrap gap-2">
          {available.filter((a) => !a.destructive).map(button)}
          {(def.links ?? [])
            .filter((l) => !l.when || l.when(row))
            .map((l, i) => (
              <DetailLinkButton key={i} link={l} row={row} />
            ))}
          {(def.forms ?? [])
            .filter((f) => !f.when || f.when(row))
            .map((f) => (
              <DetailFormToggle key={f.id} def={def} spec={f} row={row} />
            ))}
          {(def.downloads ?? [])
            .filter((d) => !d.when || d.when(row))
            .map((d, i) => (
              <DownloadButton key={i} def={def} spec={d} row={row} />
            ))}
          {extra}
          {available.filter((a) => a.destructive).map(button)}
        </div>
      )}
      {actions.feedback}
      {actions.dialog}
    </>
  );
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
