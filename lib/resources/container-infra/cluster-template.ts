// Magnum v1 cluster templates (api-ref: container-infra "Manage Cluster Templates"). The catalog endpoint already
// ends in /v1; the proxy sends `OpenStack-API-Version: container-infra 1.10` (lib/openstack/microversions.ts).
import { z } from 'zod';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, rest, rowNames } from '../define';
import type { ApiRequest } from '../types';
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
export function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/[\n,]/)) {
    const pair = raw.trim();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return { error: `"${pair}" is not key=value` };
    const k = pair.slice(0, eq).trim();
    if (!/^[\w./-]+$/.test(k)) return { error: `"${k}" is not a valid label key` };
    labels[k] = pair.slice(eq + 1).trim();
  }
  return { labels };
}

const optionalSize = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1), { error: 'Enter a whole number of GB, at least 1' });

export const ClusterTemplateCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Enter a name' }).max(255, { error: 'At most 255 characters' }),
    coe: z.enum(COES, { error: 'Choose a container orchestration engine' }),
    imageId: z.string().min(1, { error: 'Choose an image' }),
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
    if ('error' in r) ctx.addIssue({ code: 'custom', path: ['labels'], message: r.error });
    if (v.networkDriver && !(NETWORK_DRIVERS[v.coe] ?? []).includes(v.networkDriver)) {
      ctx.addIssue({ code: 'custom', path: ['networkDriver'], message: `${v.networkDriver} is not a network driver for ${v.coe}` });
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
export async function templateDependents(rows: readonly ClusterTemplate[], get: (service: string, path: string) => Promise<unknown>): Promise<string[]> {
  const { clusters = [] } = (await get(MAGNUM, 'clusters')) as { clusters?: { cluster_template_id?: string; name?: string | null; uuid: string }[] };
  return rows.flatMap((t) => {
    const using = clusters.filter((c) => c.cluster_template_id === t.uuid);
    return using.length
      ? [`${t.name || t.uuid} is used by ${using.length === 1 ? 'cluster' : `${using.length} clusters:`} ${using.map((c) => c.name || c.uuid).join(', ')}: Magnum refuses to delete it until ${using.length === 1 ? 'it is' : 'they are'} deleted.`]
      : [];
  });
}

export const clusterTemplateDefinition = define<ClusterTemplate, ClusterTemplateCreate>({
  kind: 'cluster-template',
  slug: 'cluster-templates',
  label: { singular: 'Cluster template', plural: 'Cluster templates' },
  ...rest({ service: MAGNUM }, 'clustertemplates', ''),
  schema: ClusterTemplateSchema,
  id: (t) => t.uuid,
  columns: [
    nameColumn((t) => t.name || t.uuid, { sortKey: 'name' }),
    { id: 'coe', label: 'COE', value: (t) => t.coe, sortKey: 'coe' },
    { id: 'image', label: 'Image', value: (t, ctx) => (t.image_id ? (ctx.lookups.images?.[t.image_id] ?? t.image_id) : '') },
    { id: 'network-driver', label: 'Network driver', value: (t) => t.network_driver ?? '' },
    { id: 'keypair', label: 'Key pair', value: (t) => t.keypair_id ?? '' },
    { id: 'visibility', label: 'Visibility', value: (t) => [t.public ? 'public' : 'private', ...(t.hidden ? ['hidden'] : [])].join(', ') },
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
      noun: 'cluster template',
      path: (t) => `clustertemplates/${t.uuid}`, cli: (t) => command('openstack coe cluster template delete', t.name || t.uuid),
      body: (r) => `This deletes ${rowNames(r, (t) => t.name || t.uuid)}. Magnum refuses while a cluster uses the template.`,
      dependents: templateDependents,
    }),
  ],
  overview: [
    { label: 'ID', value: (t) => t.uuid, mono: true },
    { label: 'COE', value: (t) => t.coe },
    { label: 'Image', value: (t, ctx) => (t.image_id ? (ctx.lookups.images?.[t.image_id] ?? t.image_id) : '') },
    { label: 'Distro (image os_distro)', value: (t) => t.cluster_distro ?? '' },
    { label: 'Key pair', value: (t) => t.keypair_id ?? '' },
    { label: 'External network', value: (t) => t.external_network_id ?? '', mono: true },
    { label: 'Master flavor', value: (t) => t.master_flavor_id ?? '' },
    { label: 'Node flavor', value: (t) => t.flavor_id ?? '' },
    { label: 'Docker volume size', value: (t) => (t.docker_volume_size ? `${t.docker_volume_size} GB` : '') },
    { label: 'Network driver', value: (t) => t.network_driver ?? '' },
    { label: 'Labels', value: (t) => labelsText(t.labels) },
    { label: 'Public', value: (t) => (t.public ? 'Yes' : 'No') },
    { label: 'Hidden', value: (t) => (t.hidden ? 'Yes' : 'No') },
    { label: 'TLS disabled', value: (t) => (t.tls_disabled ? 'Yes' : 'No') },
    { label: 'Created', value: (t) => t.created_at ?? '' },
  ],
  // The form is components/container-infra/template-create.tsx (pickers from Glance, Neutron and Nova).
  links: [{ label: 'Create cluster', to: (t) => ({ slug: 'clusters', rest: 'new', query: `template=${encodeURIComponent(t.uuid)}` }) }],
  create: { schema: ClusterTemplateCreateSchema, fields: [], defaults: {}, request: clusterTemplateCreateRequest, cli: clusterTemplateCreateCli },
  cli: { list: 'openstack coe cluster template list', show: (t) => command('openstack coe cluster template show', t.name || t.uuid) },
});
