// What a section page shows instead of itself: the service is missing from the catalog, the user lacks the
// admin role the service's policy needs, or the pages are still to come. Server-rendered from plain props
// (app/[cloud]/[projectId]/[kind]/layout.tsx reads the session and the catalog).
import Link from '@/components/ui/intent-link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getMsg } from '@/components/i18n/get-msg';
import { EndpointList, VersionList } from '@/components/overview/services-table';
import type { ServiceInfo } from '@/lib/client/service-info';
import type { Section, ServiceGroup } from '@/lib/resources/registry';

const backLink = 'inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300';

export async function ServiceUnavailable({ group, section, catalog, overview }: { group: ServiceGroup; section: Section; catalog: { type: string; name: string }[]; overview: string }) {
  const [t, format, m] = await Promise.all([getTranslations('shell.sectionNotices'), getFormatter(), getMsg()]);
  // "a", "a or b", "a, b, or c" (CLDR: English has the serial comma) in the page's language, each type in <code>
  const types = format.list(
    group.serviceTypes.map((type) => (
      <code key={type} className="font-mono text-sm">
        {type}
      </code>
    )),
    { type: 'disjunction' },
  );
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t('unavailable', { service: m(group.service) })}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {t.rich('unavailableBody', { section: m(section.label), types: () => <>{types}</> })}
      </p>
      <section aria-labelledby="available-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="available-heading" className="text-sm font-semibold">
          {t('offers')}
        </h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {[...catalog]
            .sort((a, b) => a.type.localeCompare(b.type))
            .map((s) => (
              <li key={`${s.type}-${s.name}`}>
                <span className="font-mono text-xs">{s.type}</span> <span className="text-zinc-500 dark:text-zinc-400">({s.name})</span>
              </li>
            ))}
        </ul>
      </section>
      <Link href={overview} className={backLink}>
        {t('back')}
      </Link>
    </div>
  );
}

export async function AdminRequired({ group, overview }: { group: ServiceGroup; overview: string }) {
  const [t, m] = await Promise.all([getTranslations('shell.sectionNotices'), getMsg()]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t('adminRequired', { group: m(group.label) })}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {t.rich('adminRequiredBody', { service: m(group.service), code: (chunks) => <code>{chunks}</code> })}
      </p>
      <Link href={overview} className={backLink}>
        {t('back')}
      </Link>
    </div>
  );
}

/** A section whose pages are still to come: what the catalog says about its service. */
export async function SectionPlaceholder({ group, section, services, region }: { group: ServiceGroup; section: Section; services: ServiceInfo[]; region: string }) {
  const [t, m] = await Promise.all([getTranslations('shell.sectionNotices'), getMsg()]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{m(group.label)}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{m(section.label)}</h1>
      </div>
      <p role="note" className="rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:border-brand-700 dark:bg-brand-900/30 dark:text-brand-100">
        {t('later', { section: m(section.label), service: m(group.service) })}
      </p>
      {services.map((s) => (
        <section key={`${s.type}-${s.name}`} aria-label={`${s.name} (${s.type})`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 className="font-semibold">
            {s.name} <span className="font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{s.type}</span>
          </h2>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('apiVersions')}</h3>
              <VersionList versions={s.versions} error={s.error} />
            </div>
            <div>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('endpoints', { region })}</h3>
              <EndpointList endpoints={s.endpoints} region={region} />
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
