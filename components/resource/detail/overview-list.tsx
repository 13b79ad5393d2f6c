'use client';

import { useMsg } from '@/components/i18n/use-msg';
import { useIsAdmin } from '@/components/shell/session-context';
import { Sensitive } from '@/components/shell/presentation';
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
          const raw = f.value(row, ctx);
          const v = cellText(raw, m);
          // API data (not a message object) is marked for browsers' page translators to leave alone.
          const data = v && (raw === null || typeof raw !== 'object' || (Array.isArray(raw) && raw.every((x) => typeof x === 'string')));
          // Only API data is masked: the dashboard's own words ("This project") say nothing sensitive.
          const kind = data ? f.sensitive : undefined;
          return (
            <div key={i} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{m(f.label)}</dt>
              <dd className={f.mono ? 'text-xs break-all' : 'break-words'} translate={data ? 'no' : undefined}>
                {!v ? (f.empty === undefined ? '—' : m(f.empty)) : f.mono ? <code className="font-mono"><Sensitive kind={kind}>{v}</Sensitive></code> : <Sensitive kind={kind}>{v}</Sensitive>}
              </dd>
            </div>
          );
        })}
    </dl>
  );
}
