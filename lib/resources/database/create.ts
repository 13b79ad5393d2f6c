// Creating a Trove instance (POST /instances, answered 200 with the instance in BUILD): the form's values, their
// checks and the request and CLI built from them. The form is components/database/instance-create.tsx (datastore
// versions, flavors, volume types, networks, configuration groups and backups as pickers).
import { z } from 'zod';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { dbListSchema, hostSchema, named, splitNames, userNameSchema } from './schemas';

/** One select for the datastore and its version: `mysql|5.7.29` (names, as Trove and its CLI take them). */
export const datastoreChoice = (type: string, version: string) => `${type}|${version}`;
export const parseDatastoreChoice = (v: string): { type: string; version: string } | undefined => {
  const [type, version] = v.split('|');
  return type && version ? { type, version } : undefined;
};

const wholeSize = z
  .string()
  .trim()
  .refine((s) => /^\d+$/.test(s) && Number(s) >= 1, { error: 'kinds.databaseInstance.errors.size' });

export const InstanceCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.databaseInstance.errors.nameRequired' }).max(255, { error: 'kinds.databaseInstance.errors.nameLength' }),
    datastore: z.string().refine((v) => !!parseDatastoreChoice(v), { error: 'kinds.databaseInstance.errors.datastore' }),
    flavorId: z.string().min(1, { error: 'kinds.databaseInstance.errors.flavor' }),
    size: wholeSize,
    volumeType: z.string(),
    networkId: z.string(),
    databases: dbListSchema,
    userName: z.union([z.literal(''), userNameSchema]),
    password: z.string(),
    host: hostSchema,
    configuration: z.string(),
    backupId: z.string(),
  })
  // A user needs a password; a password alone names nobody.
  .refine((i) => !i.userName.trim() || i.password.length > 0, { error: 'kinds.databaseInstance.errors.passwordRequired', path: ['password'] })
  .refine((i) => !!i.userName.trim() || i.password.length === 0, { error: 'kinds.databaseInstance.errors.passwordWithoutUser', path: ['userName'] });
export type InstanceCreate = z.infer<typeof InstanceCreateSchema>;

export const INSTANCE_CREATE_DEFAULTS: InstanceCreate = {
  name: '', datastore: '', flavorId: '', size: '1', volumeType: '', networkId: '', databases: '', userName: '', password: '', host: '', configuration: '', backupId: '',
};

export function instanceCreateRequest(i: InstanceCreate): ApiRequest {
  const ds = parseDatastoreChoice(i.datastore)!;
  const databases = splitNames(i.databases);
  const instance: Record<string, unknown> = {
    name: i.name.trim(),
    flavorRef: i.flavorId,
    volume: { size: Number(i.size), ...(i.volumeType ? { type: i.volumeType } : {}) },
    datastore: { type: ds.type, version: ds.version },
  };
  if (i.networkId) instance.nics = [{ network_id: i.networkId }];
  if (databases.length) instance.databases = named(databases);
  // The initial user gets every initial database, as troveclient's --users does.
  if (i.userName.trim()) instance.users = [{ name: i.userName.trim(), password: i.password, databases: named(databases), ...(i.host.trim() ? { host: i.host.trim() } : {}) }];
  if (i.configuration) instance.configuration = i.configuration;
  if (i.backupId) instance.restorePoint = { backupRef: i.backupId };
  return { method: 'POST', path: 'instances', body: { instance } };
}

/** `openstack database instance create`; the password stays a placeholder (the hint is on screen and in history). */
export function instanceCreateCli(i: Partial<InstanceCreate>, names: { flavor?: string } = {}): string {
  const ds = parseDatastoreChoice(i.datastore ?? '');
  const databases = splitNames(i.databases ?? '');
  return command(
    'openstack database instance create',
    // The name first: --databases and --users take every word after them.
    i.name?.trim() || '<name>',
    {
      '--flavor': names.flavor || i.flavorId || '<flavor>',
      '--size': i.size || '<size>',
      '--volume-type': i.volumeType || undefined,
      '--datastore': ds?.type ?? '<datastore>',
      '--datastore-version': ds?.version ?? '<version>',
      '--nic': i.networkId ? `net-id=${i.networkId}` : undefined,
      '--configuration': i.configuration || undefined,
      '--backup': i.backupId || undefined,
    },
    ...(databases.length ? ['--databases', ...databases] : []),
    ...(i.userName?.trim() ? ['--users', `${i.userName.trim()}:<password>`] : []),
  );
}

/** A datastore version the create form offers: its choice value and whether it is its datastore's default. */
export interface VersionChoice {
  value: string;
  label: string;
  isDefault: boolean;
}

/** Every version of every datastore (Trove lists them inside each datastore), defaults first within each. */
export function versionChoices(datastores: readonly { name: string; default_version?: string | null; versions?: readonly { id: string; name: string }[] | null }[]): VersionChoice[] {
  return datastores.flatMap((d) =>
    (d.versions ?? [])
      .map((ver) => ({ value: datastoreChoice(d.name, ver.name), label: `${d.name} ${ver.name}`, isDefault: ver.id === d.default_version }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault)),
  );
}

/**
 * The datastore version the instance gets: a restore keeps its backup's (Trove refuses another); else the user's
 * choice; else the first datastore's default version.
 */
export function effectiveDatastore(chosen: string, versions: readonly VersionChoice[], backup?: { datastore?: { type: string; version?: string | null } | null }): string {
  if (backup?.datastore?.version) return datastoreChoice(backup.datastore.type, backup.datastore.version);
  return chosen || versions.find((x) => x.isDefault)?.value || versions[0]?.value || '';
}

/**
 * Whether the chosen network can carry an instance: Trove 18 checks that its subnet is on a router and otherwise
 * leaves the instance in ERROR ("Subnet … is not associated with router"). `ok`: a router interface is on it;
 * `none`: the project's own network with no router port; `unknown`: another project's (shared) network, whose
 * router ports this project cannot see.
 */
export function networkRouter(network: { project_id?: string | null }, projectId: string, ports: readonly { device_owner?: string | null }[]): 'ok' | 'none' | 'unknown' {
  if (ports.some((p) => (p.device_owner ?? '').startsWith('network:router_interface') || p.device_owner === 'network:ha_router_replicated_interface')) return 'ok';
  return network.project_id === projectId ? 'none' : 'unknown';
}
