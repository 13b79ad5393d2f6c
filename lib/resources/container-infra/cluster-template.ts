// Magnum v1 cluster templates (api-ref: container-infra "Manage Cluster Templates"). The catalog endpoint already
// ends in /v1; the proxy sends `OpenStack-API-Version: container-infra 1.10` (lib/openstack/microversions.ts).
import { z } from 'zod';
import { msg, type Msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, rest, rowNames } from '../define';
import { issueText } from '@/lib/i18n/issue';
import type { ApiRequest, DetailLink, Text } from '../types';
import { maybeStrings } from '../schema';

export const MAGNUM = 'container-infra';

export const ClusterTemplateSchema = z.looseObject({
  uuid: z.string().min(1),
  name: z.string().nullable().optional(),
  coe: z.string(),
  ...maybeStrings('image_id', 'keypair_id', 'external_network_id', 'flavor_id', 'master_flavor_id', 'network_driver'),
  docker_volume_size: z.number().nullable().optional(),
  cluster_distro: z.string().nullable().optional(),
  labels: z.record(z.string(), z.string()).nullable().optional(),
  public: z.boolean().optional(),
  hidden: z.boolean().optional(),
  tls_disabled: z.boolean().optional(),
  master_lb_enabled: z.boolean().optional(),
  ...maybeStrings('server_type', 'project_id', 'created_at', 'updated_at'),
});
export type ClusterTemplate = z.infer<typeof ClusterTemplateSchema>;

/** The `coe` values Magnum's API accepts (magnum.objects.fields.ClusterType); a driver must exist for the image's os_distro. */
export const COES = ['kubernetes', 'swarm', 'swarm-mode', 'mesos', 'dcos'] as const;
/** Network drivers per COE (Magnum's `[cluster_template] kubernetes_allowed_network_drivers` and friends, defaults). */
export const NETWORK_DRIVERS: Record<string, readonly string[]> = {
  kubernetes: ['flannel', 'calico'],
  swarm: ['docker', 'flannel'],
  'swarm-mode': ['docker', 'flannel'],
  mesos: ['docker'],
  dcos: ['docker'],
};

export const labelsText = (l: Record<string, string> | null | undefined) =>
  Object.entries(l ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** "a=1, b=2" or one pair a line -> {a: "1", b: "2"}; an error message for a malformed pair. */
export function parseLabels(text: string): { labels: Record<string, string> } | { error: Msg } {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/[\n,]/)) {
    const pair = raw.trim();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return { error: msg('kinds.clusterTemplate.errors.notKeyValue', { pair }) };
    const k = pair.slice(0, eq).trim();
    if (!/^[\w./-]+$/.test(k)) return { error: msg('kinds.clusterTemplate.errors.labelKey', { key: k }) };
    labels[k] = pair.slice(eq + 1).trim();
  }
  return { labels };
}

const optionalSize = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1), { error: 'kinds.clusterTemplate.errors.sizeWhole' });

export const ClusterTemplateCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.clusterTemplate.errors.nameRequired' }).max(255, { error: 'kinds.clusterTemplate.errors.nameLength' }),
    coe: z.enum(COES, { error: 'kinds.clusterTemplate.errors.chooseCoe' }),
    imageId: z.string().min(1, { error: 'kinds.clusterTemplate.errors.chooseImage' }),
    keypairId: z.string(),
    externalNetworkId: z.string(),
    masterFlavorId: z.string(),
    flavorId: z.string(),
    dockerVolumeSize: optionalSize,
    networkDriver: z.string(),
    labels: z.string(),
    public: z.boolean(),
    hidden: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const r = parseLabels(v.labels);
    // Messages with values travel through zod as their JSON (network/issue.ts).
    if ('error' in r) ctx.addIssue({ code: 'custom', path: ['labels'], message: issueText(r.error) });
    if (v.networkDriver && !(NETWORK_DRIVERS[v.coe] ?? []).includes(v.networkDriver)) {
      ctx.addIssue({ code: 'custom', path: ['networkDriver'], message: issueText(msg('kinds.clusterTemplate.errors.networkDriver', { driver: v.networkDriver, coe: v.coe })) });
    }
  });
export type ClusterTemplateCreate = z.infer<typeof ClusterTemplateCreateSchema>;

export function clusterTemplateCreateRequest(i: ClusterTemplateCreate): ApiRequest {
  const body: Record<string, unknown> = { name: i.name.trim(), coe: i.coe, image_id: i.imageId };
  if (i.keypairId) body.keypair_id = i.keypairId;
  if (i.externalNetworkId) body.external_network_id = i.externalNetworkId;
  if (i.masterFlavorId) body.master_flavor_id = i.masterFlavorId;
  if (i.flavorId) body.flavor_id = i.flavorId;
  if (i.dockerVolumeSize) body.docker_volume_size = Number(i.dockerVolumeSize);
  if (i.networkDriver) body.network_driver = i.networkDriver;
  const l = parseLabels(i.labels);
  if ('labels' in l && Object.keys(l.labels).length) body.labels = l.labels;
  if (i.public) body.public = true;
  if (i.hidden) body.hidden = true;
  return { method: 'POST', path: 'clustertemplates', body };
}

/** `openstack coe cluster template create` (python-magnumclient's OSC plugin). */
export function clusterTemplateCreateCli(i: Partial<Omit<ClusterTemplateCreate, 'coe'>> & { coe?: string }, names: { image?: string; network?: string } = {}): string {
  const l = parseLabels(i.labels ?? '');
  const labels = 'labels' in l ? labelsText(l.labels) : '';
  return command(
    'openstack coe cluster template create',
    '--coe', i.coe || '<coe>',
    '--image', names.image || i.imageId || '<image>',
    ...(i.externalNetworkId ? ['--external-network', names.network || i.externalNetworkId] : []),
    ...(i.keypairId ? ['--keypair', i.keypairId] : []),
    ...(i.masterFlavorId ? ['--master-flavor', i.masterFlavorId] : []),
    ...(i.flavorId ? ['--flavor', i.flavorId] : []),
    ...(i.dockerVolumeSize ? ['--docker-volume-size', i.dockerVolumeSize] : []),
    ...(i.networkDriver ? ['--network-driver', i.networkDriver] : []),
    ...(labels ? ['--labels', labels] : []),
    i.public && '--public',
    i.hidden && '--hidden',
    i.name?.trim() || '<name>',
  );
}

/** Clusters built from a template: Magnum refuses to delete it while any exists. */
export async function templateDependents(rows: readonly ClusterTemplate[], get: (service: string, path: string) => Promise<unknown>): Promise<Text[]> {
  const { clusters = [] } = (await get(MAGNUM, 'clusters')) as { clusters?: { cluster_template_id?: string; name?: string | null; uuid: string }[] };
  return rows.flatMap((t) => {
    const using = clusters.filter((c) => c.cluster_template_id === t.uuid);
    return using.length
      ? [msg('kinds.clusterTemplate.dependents.usedBy', { name: t.name || t.uuid, count: using.length, clusters: using.map((c) => c.name || c.uuid).join(', ') })]
      : [];
  });
}

const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});

/** A cluster from the template: its create form, prefilled. */
const createCluster: DetailLink<ClusterTemplate> = {
  label: 'kinds.cluster.create.title',
  to: (t) => ({ slug: 'clusters', rest: 'new', query: `template=${encodeURIComponent(t.uuid)}` }),
};

export const clusterTemplateDefinition = define<ClusterTemplate, ClusterTemplateCreate>({
  kind: 'cluster-template',
  slug: 'cluster-templates',
  label: { singular: 'kinds.clusterTemplate.singular', plural: 'kinds.clusterTemplate.plural', noun: 'kinds.clusterTemplate.noun' },
  ...rest({ service: MAGNUM }, 'clustertemplates', ''),
  schema: ClusterTemplateSchema,
  id: (t) => t.uuid,
  columns: [
    nameColumn((t) => t.name || t.uuid, { sortKey: 'name' }),
    { id: 'coe', label: 'kinds.clusterTemplate.fields.coe', value: (t) => t.coe, sortKey: 'coe' },
    { id: 'image', label: 'kinds.clusterTemplate.fields.image', value: (t, ctx) => (t.image_id ? (ctx.lookups.images?.[t.image_id] ?? t.image_id) : '') },
    { id: 'network-driver', label: 'kinds.clusterTemplate.fields.networkDriver', value: (t) => t.network_driver ?? '' },
    { id: 'keypair', label: 'kinds.clusterTemplate.fields.keypair', value: (t) => t.keypair_id ?? '' },
    { id: 'visibility', label: 'kinds.clusterTemplate.fields.visibility', value: (t) => msg('kinds.clusterTemplate.fields.visibilityValue', { public: t.public ? 'yes' : 'no', hidden: t.hidden ? 'yes' : 'no' }) },
    ageColumn((t) => t.created_at ?? '', { sortKey: 'created_at' }),
    idColumn((t) => t.uuid),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  lookups: [
    {
      name: 'images', kind: 'image', service: 'image', key: 'images',
      ids: (rows) => rows.map((t) => t.image_id ?? ''),
      // Glance filters by id with the `in:` operator.
      path: (ids) => `v2/images?id=in:${ids.join(',')}`,
      label: (o) => String(o.name ?? o.id),
    },
  ],
  actions: [
    deleteAction({
      title: 'kinds.clusterTemplate.confirm.deleteTitle',
      path: (t) => `clustertemplates/${t.uuid}`, cli: (t) => command('openstack coe cluster template delete', t.name || t.uuid),
      body: (r) => msg('kinds.clusterTemplate.confirm.deleteBody', { count: r.length, ...rowNames(r, (t) => t.name || t.uuid) }),
      dependents: templateDependents,
    }),
  ],
  overview: [
    { label: 'common.id', value: (t) => t.uuid, mono: true },
    { label: 'kinds.clusterTemplate.fields.coe', value: (t) => t.coe },
    { label: 'kinds.clusterTemplate.fields.image', value: (t, ctx) => (t.image_id ? (ctx.lookups.images?.[t.image_id] ?? t.image_id) : '') },
    { label: 'kinds.clusterTemplate.fields.distro', value: (t) => t.cluster_distro ?? '' },
    { label: 'kinds.clusterTemplate.fields.keypair', value: (t) => t.keypair_id ?? '' },
    { label: 'kinds.clusterTemplate.fields.externalNetwork', value: (t) => t.external_network_id ?? '', mono: true },
    { label: 'kinds.clusterTemplate.fields.masterFlavor', value: (t) => t.master_flavor_id ?? '' },
    { label: 'kinds.clusterTemplate.fields.nodeFlavor', value: (t) => t.flavor_id ?? '' },
    { label: 'kinds.clusterTemplate.fields.dockerVolumeSize', value: (t) => (t.docker_volume_size ? msg('resource.size.gib', { size: t.docker_volume_size }) : '') },
    { label: 'kinds.clusterTemplate.fields.networkDriver', value: (t) => t.network_driver ?? '' },
    { label: 'kinds.clusterTemplate.fields.labels', value: (t) => labelsText(t.labels) },
    { label: 'kinds.clusterTemplate.fields.public', value: (t) => yesNo(t.public) },
    { label: 'kinds.clusterTemplate.fields.hidden', value: (t) => yesNo(t.hidden) },
    { label: 'kinds.clusterTemplate.fields.tlsDisabled', value: (t) => yesNo(t.tls_disabled) },
    { label: 'common.created', value: (t) => t.created_at ?? '' },
  ],
  // The form is components/container-infra/template-create.tsx (pickers from Glance, Neutron and Nova).
  links: [createCluster],
  // Horizon's row: Create cluster (from the template).
  rowMenu: [{ id: 'create-cluster', ...createCluster }],
  create: { schema: ClusterTemplateCreateSchema, fields: [], defaults: {}, request: clusterTemplateCreateRequest, cli: clusterTemplateCreateCli },
  cli: { list: 'openstack coe cluster template list', show: (t) => command('openstack coe cluster template show', t.name || t.uuid) },
});
