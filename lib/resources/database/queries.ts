'use client';
// Trove reads of the create form and the pickers, one schema per path (the attach form's options share them).
import { usePathQuery } from '../queries';
import { BackupsSchema, ConfigurationsSchema, DatastoresSchema, TROVE, TROVE_KINDS } from './trove';

export const useDatastores = () => usePathQuery(TROVE_KINDS.datastore, TROVE, 'datastores', DatastoresSchema, { staleTime: 60_000 });
export const useConfigurations = () => usePathQuery(TROVE_KINDS.configuration, TROVE, 'configurations', ConfigurationsSchema, { staleTime: 15_000 });
export const useBackups = () => usePathQuery(TROVE_KINDS.backup, TROVE, 'backups', BackupsSchema, { staleTime: 15_000 });
