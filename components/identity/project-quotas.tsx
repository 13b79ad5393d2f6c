'use client';
// An admin's view of a project's quotas below its page: per service present in the cloud, every quota with its usage
// and reservation beside an editable limit, saved with one PUT of what changed. Its own component: a table of inputs
// across several services' quota APIs, not a resource kind.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { KindDetail } from '@/components/resource/kind-pages';
import { useSectionAccess } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass } from '@/components/ui/field';
import { tableClass } from '@/components/ui/table';
import { parseQuotas, QUOTA_APIS, quotaChanges, quotaCli, quotaRequest, type QuotaApi, type QuotaError, type QuotaRow } from '@/lib/resources/admin/quotas';
import { useOsMutation, usePathQuery } from '@/lib/resources/queries';
import { z } from 'zod';

const AnyBody = z.unknown();

/** The admin project page: the generic detail, then the project's quotas. */
export function AdminProjectDetail({ id }: { id: string }) {
  return (
    <div className="space-y-8">
      <KindDetail slug="admin/projects" id={id} />
      <ProjectQuotas projectId={decodeURIComponent(id)} />
    </div>
  );
}

function ProjectQuotas({ projectId }: { projectId: string }) {
  const t = useTranslations('admin.quotas');
  return (
    <section aria-labelledby="project-quotas" className="space-y-4">
      <h2 id="project-quotas" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {QUOTA_APIS.map((api) => (
        <ServiceQuotas key={api.id} api={api} projectId={projectId} />
      ))}
    </section>
  );
}

function ServiceQuotas({ api, projectId }: { api: QuotaApi; projectId: string }) {
  const access = useSectionAccess(api.section);
  if (access !== 'ok') return null;
  return <ServiceQuotaTable api={api} projectId={projectId} />;
}

function ServiceQuotaTable({ api, projectId }: { api: QuotaApi; projectId: string }) {
  const t = useTranslations('admin.quotas');
  const m = useMsg();
  const headingId = useId();
  const q = usePathQuery('admin-quota', { service: api.service }, api.read(projectId), AnyBody, { select: (b) => parseQuotas(api, b) });
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, QuotaError>>({});
  const [saved, setSaved] = useState(false);
  const save = useOsMutation<Record<string, number>>({ service: api.service }, (changes) => quotaRequest(api, projectId, changes), {
    invalidates: ['admin-quota', 'quota'],
    onDone: () => {
      setEdited({});
      setSaved(true);
    },
  });
  const rows: QuotaRow[] = q.data ?? [];
  const result = quotaChanges(rows, edited);
  const changes = 'changes' in result ? result.changes : {};
  const n = (v: number | undefined) => (v === undefined ? '—' : v < 0 ? t('unlimited') : String(v));
  return (
    <form
      aria-labelledby={headingId}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if ('errors' in result) return setErrors(result.errors);
        setErrors({});
        if (Object.keys(changes).length) save.mutate(changes);
      }}
    >
      <h3 id={headingId} className="text-base font-medium">
        {m(api.heading)}
      </h3>
      {q.isError && <ApiErrorNotice title={t('loadFailed')} error={q.error} />}
      {q.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {q.data && (
        <div className={tableClass.box}>
          <table className={tableClass.table}>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>{t('columns.quota')}</th>
                <th scope="col" className={tableClass.th}>{t('columns.used')}</th>
                <th scope="col" className={tableClass.th}>{t('columns.reserved')}</th>
                <th scope="col" className={tableClass.th}>{t('columns.limit')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const label = api.labels[r.key] ? m(api.labels[r.key]) : r.key;
                const error = errors[r.key];
                return (
                  <tr key={r.key} className="border-t border-zinc-100 dark:border-zinc-800">
                    <th scope="row" className={`${tableClass.td} text-left font-normal`}>{label}</th>
                    <td className={`${tableClass.td} tabular-nums`}>{n(r.used)}</td>
                    <td className={`${tableClass.td} tabular-nums`}>{n(r.reserved)}</td>
                    <td className={tableClass.td}>
                      <input
                        aria-label={t('limitOf', { quota: label })}
                        aria-invalid={!!error}
                        aria-describedby={error ? `${headingId}-${r.key}-error` : undefined}
                        inputMode="numeric"
                        className={`${inputClass} w-28 tabular-nums`}
                        value={edited[r.key] ?? String(r.limit)}
                        onChange={(e) => setEdited({ ...edited, [r.key]: e.target.value })}
                      />
                      {error && (
                        <p id={`${headingId}-${r.key}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                          {m(error)}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {save.isError && <ApiErrorNotice title={t('saveFailed')} error={save.error} />}
      {saved && !Object.keys(edited).length && <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">{t('saved')}</p>}
      {q.data && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass.primary} disabled={save.isPending || !Object.keys(edited).length}>
            {t('save', { service: m(api.heading) })}
          </button>
          {Object.keys(changes).length > 0 && <CliHint>{quotaCli(api, projectId, changes)}</CliHint>}
        </div>
      )}
    </form>
  );
}
