'use client';

import Link from '@/components/ui/intent-link';
import { useMsg } from '@/components/i18n/use-msg';
import { useIsAdmin } from '@/components/shell/session-context';
import { Sensitive } from '@/components/shell/presentation';
import { isUuidLike } from '@/components/ui/table';
import { useResourceHref } from '@/lib/resources/hooks';
import { LINK_SLOT, overviewLinks, splitAtLink, type OverviewLink } from '@/lib/resources/overview-links';
import type { ResourceDefinition, RowContext } from '@/lib/resources/types';
import { cellText } from '../format';

/** A definition's overview fields of one object, as a description list (admin-only ones for admins). */
export function OverviewList<T>({ def, row, ctx, className }: { def: ResourceDefinition<T>; row: T; ctx: RowContext; className: string }) {
  const m = useMsg();
  const isAdmin = useIsAdmin();
  return (
    <dl className={className}>
      {(def.overview ?? [])
        .filter((f) => !f.adminOnly || isAdmin)
        .map((f, i) => {
          const links = overviewLinks(f, row, ctx);
          const raw = f.value(row, ctx);
          const v = cellText(raw, m);
          // API data (not a message object) is marked for browsers' page translators to leave alone.
          const data = v && (raw === null || typeof raw !== 'object' || (Array.isArray(raw) && raw.every((x) => typeof x === 'string')));
          // Only API data is masked: the dashboard's own words ("This project") say nothing sensitive.
          const kind = data ? f.sensitive : undefined;
          return (
            <div key={i} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{m(f.label)}</dt>
              {links ? (
                <dd className="break-words">
                  {links.length === 1 ? (
                    <LinkedName link={links[0]} />
                  ) : (
                    <ul className="space-y-0.5">
                      {links.map((l, j) => (
                        <li key={j}>
                          <LinkedName link={l} />
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              ) : (
                <dd className={f.mono ? 'text-xs break-all' : 'break-words'} translate={data ? 'no' : undefined}>
                  {!v ? (f.empty === undefined ? '—' : m(f.empty)) : f.mono ? <code className="font-mono"><Sensitive kind={kind}>{v}</Sensitive></code> : <Sensitive kind={kind}>{v}</Sensitive>}
                </dd>
              )}
            </div>
          );
        })}
    </dl>
  );
}

/** An object by name (its id while the name is unknown), linked to its page, inside the field's words when it has some. */
function LinkedName({ link }: { link: OverviewLink }) {
  const m = useMsg();
  const href = useResourceHref();
  const label = isUuidLike(link.name) ? <code className="font-mono text-xs">{link.name}</code> : link.name;
  const name = link.to ? (
    <Link href={href(link.to.slug, encodeURIComponent(link.to.id))} title={link.to.id} translate="no" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
      {label}
    </Link>
  ) : (
    <span translate="no">{label}</span>
  );
  const parts = link.text && splitAtLink(m({ key: link.text.key, values: { ...link.text.values, name: LINK_SLOT } }));
  if (!parts) return name;
  return (
    <>
      {parts[0]}
      {name}
      {parts[1]}
    </>
  );
}
