// The root user of a database instance: GET instances/{id}/root says whether it was ever enabled
// ({"rootEnabled": bool}); POST makes (or resets) it and answers its password once ({"user": {name, password}}):
// Trove keeps no copy, so the page shows it a single time.
import { z } from 'zod';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { instanceRef, type Instance } from './trove';

export const RootStatusSchema = z.looseObject({ rootEnabled: z.boolean() });
export const RootUserSchema = z.looseObject({ user: z.looseObject({ name: z.string(), password: z.string() }) });
export type RootUser = z.infer<typeof RootUserSchema>['user'];

export const rootPath = (i: Pick<Instance, 'id'>) => `instances/${i.id}/root`;
export const enableRootRequest = (i: Pick<Instance, 'id'>): ApiRequest => ({ method: 'POST', path: rootPath(i) });
export const enableRootCli = (i: Pick<Instance, 'id' | 'name'>) => command('openstack database root enable', instanceRef(i));

/** The command that connects as root from a host that reaches the instance (the password asked for, never shown). */
export const mysqlCommand = (address: string | undefined, user: string) => command('mysql', '-h', address || '<address>', '-u', user, '-p');
