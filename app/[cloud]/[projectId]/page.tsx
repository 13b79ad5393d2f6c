import type { Metadata } from 'next';
import { InfoCard, InfoRow } from '@/components/overview/info-card';
import { ServicesTable } from '@/components/overview/services-table';
import { Sensitive } from '@/components/shell/presentation';
import { UsageCharts } from '@/components/overview/usage-charts';
import { GROUPS, providingType } from '@/lib/resources/registry';
import { discoverServices } from '@/lib/openstack/discovery';
import { readSession } from '@/lib/openstack/session';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  const session = await readSession();
  // The layout redirects or re-scopes in these cases; render nothing meanwhile.
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return null;
  const services = await discoverServices(session);
  const types = services.map((s) => s.type);
  const typeOf = (group: string) => providingType(GROUPS.find((g) => g.id === group)!, types);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      <div className="grid gap-4 md:grid-cols-3">
        <InfoCard title="Project">
          <InfoRow label="Name">{session.project.name}</InfoRow>
          <InfoRow label="ID" mono>
            <Sensitive kind="projectId">{session.project.id}</Sensitive>
          </InfoRow>
          <InfoRow label="Domain" mono>
            {session.project.domainId}
          </InfoRow>
        </InfoCard>
        <InfoCard title="User">
          <InfoRow label="Name">{session.user.name}</InfoRow>
          <InfoRow label="ID" mono>
            {session.user.id}
          </InfoRow>
          <InfoRow label="Roles">
            <ul aria-label="Roles" className="flex flex-wrap gap-1">
              {session.roles.map((r) => (
                <li key={r} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
                  {r}
                </li>
              ))}
            </ul>
          </InfoRow>
        </InfoCard>
        <InfoCard title="Session">
          <InfoRow label="Region">{session.region}</InfoRow>
          <InfoRow label="Login">{session.authMethod === 'password' ? 'Password' : 'Application credential'}</InfoRow>
          <InfoRow label="Expires">
            <time dateTime={new Date(session.expiresAt).toISOString()}>{new Date(session.expiresAt).toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
          </InfoRow>
        </InfoCard>
      </div>
      <UsageCharts services={{ compute: typeOf('compute'), volume: typeOf('volumes'), network: typeOf('network') }} />
      <section aria-labelledby="services-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="services-heading" className="text-lg font-semibold">
            Services in this cloud
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {services.length} service{services.length === 1 ? '' : 's'} in the catalog, endpoints for {session.region}
          </p>
        </div>
        <ServicesTable services={services} region={session.region} />
      </section>
    </div>
  );
}
