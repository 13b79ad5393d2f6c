'use client';
// Trove reads of the create form and the pickers, one schema per path (the attach form's options share them).
import { usePathQuery } from '../queries';
import { BackupsSchema, ConfigurationsSchema, DatabasesSchema, DatastoresSchema, TROVE, TROVE_KINDS, userPathSegment, UsersSchema, type DbUser } from './trove';

export const useDatastores = () => usePathQuery(TROVE_KINDS.datastore, TROVE, 'datastores', DatastoresSchema, { staleTime: 60_000 });
export const useConfigurations = () => usePathQuery(TROVE_KINDS.configuration, TROVE, 'configurations', ConfigurationsSchema, { staleTime: 15_000 });
export const useBackups = () => usePathQuery(TROVE_KINDS.backup, TROVE, 'backups', BackupsSchema, { staleTime: 15_000 });
/** An instance's users and databases, under the kinds their tabs use (a grant refreshes both). */
export const useInstanceUsers = (instanceId: string) => usePathQuery(TROVE_KINDS.user, TROVE, `instances/${instanceId}/users`, UsersSchema, { staleTime: 0 });
export const useInstanceDatabases = (instanceId: string) => usePathQuery(TROVE_KINDS.database, TROVE, `instances/${instanceId}/databases`, DatabasesSchema, { staleTime: 0 });
/**
 * The databases one user may use, as `openstack database user show access` reads them (GET .../users/<user>/databases):
 * the users list's `databases` is what the user was created with on some guests (Trove's fake guest agent keeps it
 * unchanged after a grant or revoke), this is the guest's answer.
 */
export const useUserAccess = (instanceId: string, user: Pick<DbUser, 'name' | 'host'> | undefined) =>
  usePathQuery(TROVE_KINDS.user, TROVE, user ? `instances/${instanceId}/users/${userPathSegment(user.name, user.host)}/databases` : '', DatabasesSchema, { staleTime: 0, enabled: !!user });
