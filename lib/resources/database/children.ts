// What lives inside a database instance, each a definition made for its instance and shown as a compact tab on its
// page: databases (`instances/{id}/databases`) and users (`instances/{id}/users`, addressed as `name@host`). Real
// Trove keeps both in the memory of the process that handled the call (its fake guest agent here): those passed at
// create are known only to trove-taskmanager, so the tabs list what trove-api itself created. Creates and deletes
// answer 202 without a body; Trove refuses them with 422 "is not ready" while the instance is not ACTIVE.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { deleteAction, define } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { dbListSchema, dbNameSchema, hostSchema, named, passwordSchema, splitNames, userNameSchema } from './schemas';
import { DatabaseSchema, TROVE, TROVE_KINDS, UserSchema, userPathSegment, type Database, type DbUser } from './trove';

const base = (instanceId: string) => `instances/${instanceId}`;

// ---- Databases -------------------------------------------------------------------------------------------

export const DatabaseCreateSchema = z.object({ name: dbNameSchema, characterSet: z.string().trim(), collate: z.string().trim() });
export type DatabaseCreate = z.infer<typeof DatabaseCreateSchema>;

export function databaseCreateRequest(instanceId: string, i: DatabaseCreate): ApiRequest {
  const db: Record<string, string> = { name: i.name.trim() };
  if (i.characterSet) db.character_set = i.characterSet;
  if (i.collate) db.collate = i.collate;
  return { method: 'POST', path: `${base(instanceId)}/databases`, body: { databases: [db] } };
}

export function databaseDefinition(instanceId: string, instanceName = instanceId): ResourceDefinition<Database, DatabaseCreate> {
  return define<Database, DatabaseCreate>({
    kind: TROVE_KINDS.database, slug: 'databases',
    label: { singular: 'kinds.databaseInstance.database.singular', plural: 'kinds.databaseInstance.database.plural', noun: 'kinds.databaseInstance.database.noun' },
    service: TROVE.service,
    paths: { list: `${base(instanceId)}/databases`, item: (name) => `${base(instanceId)}/databases/${encodeURIComponent(name)}` },
    keys: { list: 'databases', item: 'database' },
    schema: DatabaseSchema,
    id: (d) => d.name,
    columns: [
      { id: 'name', label: 'common.name', value: (d) => d.name, cell: 'mono' },
      { id: 'charset', label: 'kinds.databaseInstance.database.characterSet', value: (d) => d.character_set ?? '' },
      { id: 'collate', label: 'kinds.databaseInstance.database.collate', value: (d) => d.collate ?? '' },
    ],
    actions: [
      deleteAction<Database>({
        title: 'kinds.databaseInstance.database.deleteTitle', bulk: false,
        path: (d) => `${base(instanceId)}/databases/${encodeURIComponent(d.name)}`,
        cli: (d) => command('openstack database db delete', instanceName, d.name),
        body: (rows) => msg('kinds.databaseInstance.database.deleteBody', { name: rows[0]?.name ?? '' }),
      }),
    ],
    create: {
      schema: DatabaseCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'characterSet', label: 'kinds.databaseInstance.database.characterSet', type: 'text', placeholder: 'kinds.databaseInstance.database.characterSetPlaceholder' },
        { name: 'collate', label: 'kinds.databaseInstance.database.collate', type: 'text', placeholder: 'kinds.databaseInstance.database.collatePlaceholder' },
      ],
      defaults: { name: '', characterSet: '', collate: '' },
      request: (i) => databaseCreateRequest(instanceId, i),
      cli: (i) => command('openstack database db create', { '--character-set': i.characterSet || undefined, '--collate': i.collate || undefined }, instanceName, i.name?.trim() || '<name>'),
    },
    invalidates: [TROVE_KINDS.user],
    cli: { list: command('openstack database db list', instanceName), show: () => command('openstack database db list', instanceName) },
  });
}

// ---- Users -----------------------------------------------------------------------------------------------

export const UserCreateSchema = z.object({ name: userNameSchema, password: passwordSchema, host: hostSchema, databases: dbListSchema });
export type UserCreate = z.infer<typeof UserCreateSchema>;

export function userCreateRequest(instanceId: string, i: UserCreate): ApiRequest {
  const user: Record<string, unknown> = { name: i.name.trim(), password: i.password, databases: named(splitNames(i.databases)) };
  if (i.host.trim()) user.host = i.host.trim();
  return { method: 'POST', path: `${base(instanceId)}/users`, body: { users: [user] } };
}

export const userCreateCli = (instanceName: string, i: Partial<UserCreate>) =>
  command('openstack database user create', { '--host': i.host?.trim() || undefined, '--databases': splitNames(i.databases ?? '').join(' ') || undefined }, instanceName, i.name?.trim() || '<name>', '<password>');

/** The user's row id: `name@host` as Trove lists it. */
export const userId = (u: Pick<DbUser, 'name' | 'host'>) => (u.host ? `${u.name}@${u.host}` : u.name);

/** PUT .../users/<name@host>/databases: grants access to more databases (those it has stay). */
export const grantRequest = (instanceId: string, user: Pick<DbUser, 'name' | 'host'>, databases: readonly string[]): ApiRequest => ({
  method: 'PUT', path: `${base(instanceId)}/users/${userPathSegment(user.name, user.host)}/databases`, body: { databases: named(databases) },
});

export const grantCli = (instanceName: string, user: Pick<DbUser, 'name' | 'host'>, databases: readonly string[]) =>
  command('openstack database user grant access', { '--host': user.host || undefined }, instanceName, user.name, ...(databases.length ? databases : ['<database>']));

/** DELETE .../users/<name@host>/databases/<db>: takes one database away (Trove revokes one at a time). */
export const revokeRequest = (instanceId: string, user: Pick<DbUser, 'name' | 'host'>, database: string): ApiRequest => ({
  method: 'DELETE', path: `${base(instanceId)}/users/${userPathSegment(user.name, user.host)}/databases/${encodeURIComponent(database).replace(/\./g, '%2e')}`,
});

export const revokeCli = (instanceName: string, user: Pick<DbUser, 'name' | 'host'>, database: string) =>
  command('openstack database user revoke access', { '--host': user.host || undefined }, instanceName, user.name, database);

/** From the databases a user has to those wanted: one grant of the new ones, one revoke per dropped one. */
export function accessChange(has: readonly string[], want: readonly string[]): { grant: string[]; revoke: string[] } {
  return { grant: want.filter((d) => !has.includes(d)), revoke: has.filter((d) => !want.includes(d)) };
}

export function userDefinition(instanceId: string, instanceName = instanceId): ResourceDefinition<DbUser, UserCreate> {
  return define<DbUser, UserCreate>({
    kind: TROVE_KINDS.user, slug: 'databases',
    label: { singular: 'kinds.databaseInstance.user.singular', plural: 'kinds.databaseInstance.user.plural', noun: 'kinds.databaseInstance.user.noun' },
    service: TROVE.service,
    paths: { list: `${base(instanceId)}/users`, item: (id) => `${base(instanceId)}/users/${userPathSegment(id)}` },
    keys: { list: 'users', item: 'user' },
    schema: UserSchema,
    id: userId,
    name: userId,
    columns: [
      { id: 'name', label: 'common.name', value: (u) => u.name, cell: 'mono' },
      { id: 'host', label: 'kinds.databaseInstance.user.host', value: (u) => u.host ?? '', cell: 'mono' },
      { id: 'databases', label: 'kinds.databaseInstance.user.databases', value: (u) => (u.databases ?? []).map((d) => d.name) },
    ],
    actions: [
      deleteAction<DbUser>({
        title: 'kinds.databaseInstance.user.deleteTitle', bulk: false,
        path: (u) => `${base(instanceId)}/users/${userPathSegment(u.name, u.host)}`,
        cli: (u) => command('openstack database user delete', { '--host': u.host || undefined }, instanceName, u.name),
        body: (rows) => msg('kinds.databaseInstance.user.deleteBody', { name: rows[0] ? userId(rows[0]) : '' }),
      }),
    ],
    create: {
      schema: UserCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'password', label: 'kinds.databaseInstance.user.password', type: 'text', hint: 'kinds.databaseInstance.user.passwordHint' },
        { name: 'host', label: 'kinds.databaseInstance.user.host', type: 'text', placeholder: 'kinds.databaseInstance.user.hostPlaceholder', hint: 'kinds.databaseInstance.user.hostHint' },
        { name: 'databases', label: 'kinds.databaseInstance.user.databases', type: 'text', placeholder: 'kinds.databaseInstance.user.databasesPlaceholder', hint: 'kinds.databaseInstance.user.databasesHint' },
      ],
      defaults: { name: '', password: '', host: '', databases: '' },
      request: (i) => userCreateRequest(instanceId, i),
      cli: (i) => userCreateCli(instanceName, i),
    },
    cli: { list: command('openstack database user list', instanceName), show: (u) => command('openstack database user show', { '--host': u.host || undefined }, instanceName, u.name) },
  });
}
