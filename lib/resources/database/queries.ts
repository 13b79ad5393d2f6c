'use client';
// Trove reads of the create form and the pickers, one schema per path (the attach form's options share them).
import { usePathQuery } from '../queries';
import { BackupsSchema, ConfigurationsSchema, DatabasesSchema, DatastoresSchema, TROVE, TROVE_KINDS, UsersSchema } from './trove';

export const useDatastores = () => usePathQuery(TROVE_KINDS.datastore, TROVE, 'datastores', DatastoresSchema, { staleTime: 60_000 });
export const useConfigurations = () => usePathQuery(TROVE_KINDS.configuration, TROVE, 'configurations', ConfigurationsSchema, { staleTime: 15_000 });
export const useBackups = () => usePathQuery(TROVE_KINDS.backup, TROVE, 'backups', BackupsSchema, { staleTime: 15_000 });
/** An instance's users and databases, under the kinds their tabs use (a grant refreshes both). */
export const useInstanceUsers = (instanceId: string) => usePathQuery(TROVE_KINDS.user, TROVE, `instances/${instanceId}/users`, UsersSchema, { staleTime: 0 });
export const useInstanceDatabases = (instanceId: string) => usePathQuery(TROVE_KINDS.database, TROVE, `instances/${instanceId}/databases`, DatabasesSchema, { staleTime: 0 });
