// Server-rendered (the overview, and the section notices of components/shell): useTranslations works in both.
import { useTranslations } from 'next-intl';
import type { ServiceInfo } from '@/lib/client/service-info';
import type { Msg } from '@/lib/i18n/msg';

type Version = ServiceInfo['versions'][number];
type Endpoint = ServiceInfo['endpoints'][number];

const INTERFACE_ORDER = ['public', 'internal', 'admin'];

function statusTone(status: string): string {
  const s = status.toUpperCase();
  if (s === 'CURRENT' || s === 'STABLE') return 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800';
  if (s === 'SUPPORTED') return 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800';
  if (s === 'DEPRECATED') return 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800';
  return 'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700';
}

/** A microversion range, `2.1–2.93` (`?` for an end the service does not say). */
const range = (v: Version) => `${v.minVersion || '?'}–${v.maxVersion || '?'}`;

/** `error` and `note` are discovery's words (catalog messages); useMsg is client-only and this renders on the server too. */
export function VersionList({ versions, error, note }: { versions: Version[]; error?: Msg; note?: Msg }) {
  const t = useTranslations('overview.services');
  const tr = useTranslations();
  const say = (m: Msg) => (typeof m === 'string' ? tr(m) : tr(m.key, m.values));
  if (note) return <span className="text-xs text-zinc-600 dark:text-zinc-300">{say(note)}</span>;
  if (error) return <span className="text-xs text-red-600 dark:text-red-400">{t('discoveryFailed', { error: say(error) })}</span>;
  if (versions.length === 0) return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
  return (
    <ul className="space-y-1">
      {versions.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center gap-1.5">
          <span className="font-mono text-xs">{v.id}</span>
          <span className={`rounded px-1.5 py-0.5 text-[10px] font-medium uppercase ring-1 ring-inset ${statusTone(v.status)}`}>{v.status}</span>
          {(v.minVersion || v.maxVersion) && (
            <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400" title={t('microversionRange')}>
              {range(v)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function EndpointList({ endpoints, region }: { endpoints: Endpoint[]; region: string }) {
  const t = useTranslations('overview.services');
  const here = endpoints
    .filter((e) => e.region === region)
    .sort((a, b) => INTERFACE_ORDER.indexOf(a.interface) - INTERFACE_ORDER.indexOf(b.interface));
  const elsewhere = [...new Set(endpoints.filter((e) => e.region !== region).map((e) => e.region))].sort();
  return (
    <div className="space-y-1">
      {here.length === 0 && <p className="text-xs text-amber-700 dark:text-amber-300">{t('noEndpoint', { region })}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {here.map((e) => (
          <div key={`${e.interface}-${e.url}`} className="contents">
            <dt className="text-xs text-zinc-500 dark:text-zinc-400">{e.interface}</dt>
            <dd className="font-mono text-xs break-all">{e.url}</dd>
          </div>
        ))}
      </dl>
      {elsewhere.length > 0 && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t.rich('otherRegions', { regions: elsewhere.join(', '), b: (chunks) => <span className="font-medium">{chunks}</span> })}
        </p>
      )}
    </div>
  );
}

export function ServicesTable({ services, region }: { services: ServiceInfo[]; region: string }) {
  const t = useTranslations('overview.services');
  const sorted = [...services].sort((a, b) => a.type.localeCompare(b.type));
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-labelledby="services-heading">
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:bg-zinc-900/60 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2.5">{t('columns.type')}</th>
            <th scope="col" className="px-4 py-2.5">{t('columns.name')}</th>
            <th scope="col" className="px-4 py-2.5">{t('columns.apiVersions')}</th>
            <th scope="col" className="px-4 py-2.5">{t('columns.endpoints', { region })}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sorted.map((s) => (
            <tr key={`${s.type}-${s.name}`} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-mono text-xs font-medium whitespace-nowrap">{s.type}</th>
              <td className="px-4 py-3 whitespace-nowrap">{s.name}</td>
              <td className="px-4 py-3">
                <VersionList versions={s.versions} error={s.error} note={s.note} />
              </td>
              <td className="px-4 py-3">
                <EndpointList endpoints={s.endpoints} region={region} />
              </td>
            </tr>
          ))}
          {sorted.length === 0 && (
            <tr>
              <td colSpan={4} className="px-4 py-6 text-center text-zinc-500 dark:text-zinc-400">
                {t('empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
