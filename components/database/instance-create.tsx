'use client';
// Create a database instance. Its own page rather than the generic form because its choices depend on each other
// and on four services: a datastore version (Trove lists versions inside each datastore), a flavor (Nova), a volume
// type (Cinder), a network (Neutron), the configuration groups of the chosen version, and a backup to restore from
// (`?backup=<id>` preselects one, and its datastore version with it).
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { FormFooter, FormHeading, ValueOptions } from '@/components/resource/form-parts';
import { useZodForm } from '@/components/resource/use-zod-form';
import { SelectField, TextField } from '@/components/ui/field';
import { useFlavorDetails } from '@/lib/resources/compute/queries';
import { effectiveDatastore, INSTANCE_CREATE_DEFAULTS, networkRouter, instanceCreateCli, InstanceCreateSchema, parseDatastoreChoice, versionChoices, type InstanceCreate } from '@/lib/resources/database/create';
import { instanceDefinition } from '@/lib/resources/database/instance';
import { useBackups, useConfigurations, useDatastores } from '@/lib/resources/database/queries';
import { useCreate, useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { useNetworkPorts, useNetworks } from '@/lib/resources/network/queries';
import { useVolumeTypes } from '@/lib/resources/volume/queries';
import { explicitVolumeTypes } from '@/lib/resources/volume/volume';

export function DatabaseInstanceCreate() {
  const t = useTranslations('database.create');
  const tc = useTranslations('common');
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const datastores = useDatastores();
  const flavors = useFlavorDetails();
  const volumeTypes = useVolumeTypes();
  const networks = useNetworks();
  const configurations = useConfigurations();
  const backups = useBackups();
  const versions = versionChoices(datastores.data?.datastores ?? []);
  const backupList = (backups.data?.backups ?? []).filter((b) => b.status === 'COMPLETED');
  const withDatastore = (vals: InstanceCreate) => ({ ...vals, datastore: effectiveDatastore(vals.datastore, versions, backupList.find((b) => b.id === vals.backupId)) });
  const form = useZodForm(InstanceCreateSchema, { ...INSTANCE_CREATE_DEFAULTS, backupId: search.get('backup') ?? '' }, { live: true, input: withDatastore });
  const { values: v, field } = form;
  const create = useCreate(instanceDefinition);
  const filled = withDatastore(v);
  const { datastore } = filled;
  const fromBackup = !!backupList.find((b) => b.id === v.backupId)?.datastore?.version;
  const ds = parseDatastoreChoice(datastore);
  const groups = (configurations.data?.configurations ?? []).filter((c) => !ds || (c.datastore_name === ds.type && c.datastore_version_name === ds.version));
  const flavorName = (flavors.data?.flavors ?? []).find((f) => f.id === v.flavorId)?.name;

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((input) => create.mutate(input, { onSuccess: () => router.push(href('databases')) }))}
    >
      <FormHeading title={t('title')} back="databases" backLabel={t('back')} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('explain')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tc('name')} {...field('name')} autoComplete="off" />
        <SelectField label={t('datastore')} {...field('datastore')} value={datastore} disabled={datastores.isPending || fromBackup}>
          {!versions.length && <option value="">{datastores.isPending ? t('loading') : t('noDatastore')}</option>}
          {versions.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('flavor')} {...field('flavorId')} disabled={flavors.isPending}>
          <option value="">{flavors.isPending ? t('loading') : t('chooseFlavor')}</option>
          {(flavors.data?.flavors ?? []).map((f) => (
            <option key={f.id} value={f.id}>
              {t('flavorOption', { name: f.name, vcpus: f.vcpus, ram: f.ram })}
            </option>
          ))}
        </SelectField>
        <TextField label={t('size')} inputMode="numeric" {...field('size')} hint={t('sizeHint')} />
        <SelectField label={t('volumeType')} {...field('volumeType')}>
          <option value="">{t('defaultVolumeType')}</option>
          <ValueOptions values={explicitVolumeTypes(volumeTypes.data?.volume_types ?? [])} />
        </SelectField>
        <SelectField label={t('network')} {...field('networkId')}>
          <option value="">{t('defaultNetwork')}</option>
          {(networks.data ?? []).filter((n) => !n['router:external']).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
            </option>
          ))}
        </SelectField>
      </div>
      {v.networkId && <RouterNote networkId={v.networkId} network={(networks.data ?? []).find((n) => n.id === v.networkId)} />}
      <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">{t('initial')}</legend>
        <TextField label={t('databases')} {...field('databases')} placeholder={t('databasesPlaceholder')} hint={t('databasesHint')} autoComplete="off" />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t('userName')} {...field('userName')} autoComplete="off" />
          <TextField label={t('password')} type="password" {...field('password')} autoComplete="new-password" />
          <TextField label={t('host')} {...field('host')} placeholder={t('hostPlaceholder')} hint={t('hostHint')} autoComplete="off" />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t('configuration')} {...field('configuration')}>
          <option value="">{t('noConfiguration')}</option>
          {groups.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('backup')} {...field('backupId')}>
          <option value="">{t('noBackup')}</option>
          {backupList.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name || b.id}
            </option>
          ))}
        </SelectField>
      </div>
      {datastores.isError && <ApiErrorNotice title={t('loadFailed')} error={datastores.error} />}
      <FormFooter error={create.error} errorTitle={t('refused')} cli={instanceCreateCli(filled, { flavor: flavorName })} submit={t('submit')} pendingLabel={t('creating')} pending={create.isPending} cancelTo="databases" />
    </form>
  );
}

/** Trove leaves an instance in ERROR when its network's subnet is on no router: said before the create. */
function RouterNote({ networkId, network }: { networkId: string; network?: { project_id?: string | null } }) {
  const t = useTranslations('database.create');
  const { projectId } = useProjectScope();
  const ports = useNetworkPorts(networkId);
  if (!network || !ports.data) return null;
  const check = networkRouter(network, projectId, ports.data.ports);
  if (check === 'ok') return null;
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      {check === 'none' ? t('noRouter') : t('routerUnknown')}
    </p>
  );
}
