import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InfoCard, InfoRow } from '@/components/overview/info-card';
import { ServicesTable } from '@/components/overview/services-table';
import { Sensitive } from '@/components/shell/presentation';
import { UsageCharts } from '@/components/overview/usage-charts';
import { ProjectUsage } from '@/components/overview/project-usage';
import { GROUPS, providingType } from '@/lib/resources/registry';
import { discoverServices } from '@/lib/openstack/discovery';
import { readPageSession } from '@/lib/openstack/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

/** `2025-03-01 14:05`: when the token expires, in UTC to the minute, written the ISO way in every language. */
const isoMinute = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 16);

export default async function OverviewPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  const session = await readPageSession();
  // The layout redirects or re-scopes in these cases; render nothing meanwhile.
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return null;
  const [t, services] = await Promise.all([getTranslations('overview'), discoverServices(session)]);
  const types = services.map((s) => s.type);
  const typeOf = (group: string) => providingType(GROUPS.find((g) => g.id === group)!, types);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <div className="grid gap-4 md:grid-cols-3">
        <InfoCard title={t('project.heading')}>
          <InfoRow label={t('info.name')} data>{session.project.name}</InfoRow>
          <InfoRow label={t('info.id')} mono data>
            <Sensitive kind="projectId">{session.project.id}</Sensitive>
          </InfoRow>
          <InfoRow label={t('info.domain')} mono data>
            {session.project.domainId}
          </InfoRow>
        </InfoCard>
        <InfoCard title={t('user.heading')}>
          <InfoRow label={t('info.name')} data>{session.user.name}</InfoRow>
          <InfoRow label={t('info.id')} mono data>
            {session.user.id}
          </InfoRow>
          <InfoRow label={t('info.roles')} data>
            <ul aria-label={t('info.roles')} className="flex flex-wrap gap-1">
              {session.roles.map((r) => (
                <li key={r} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
                  {r}
                </li>
              ))}
            </ul>
          </InfoRow>
        </InfoCard>
        <InfoCard title={t('session.heading')}>
          <InfoRow label={t('info.region')} data>{session.region}</InfoRow>
          <InfoRow label={t('info.login')}>{session.authMethod === 'password' ? t('session.password') : t('session.applicationCredential')}</InfoRow>
          <InfoRow label={t('info.expires')}>
            <time dateTime={new Date(session.expiresAt).toISOString()}>{t('session.expiresAt', { time: isoMinute(session.expiresAt) })}</time>
          </InfoRow>
        </InfoCard>
      </div>
      <UsageCharts services={{ compute: typeOf('compute'), volume: typeOf('volumes'), network: typeOf('network'), share: typeOf('shared-file-systems') }} />
      <ProjectUsage compute={!!typeOf('compute')} />
      <section aria-labelledby="services-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="services-heading" className="text-lg font-semibold">
            {t('services.heading')}
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('services.summary', { count: services.length, region: session.region })}</p>
        </div>
        <ServicesTable services={services} region={session.region} />
      </section>
    </div>
  );
}
