// The datastore's logs on the guest (GET instances/{id}/log: {"logs": [...]}, or {"logs": null} when the guest
// reports none, as real Trove's fake guest always does). A log is switched on or off and published to Swift with
// POST instances/{id}/log {"name", "enable"|"disable"|"publish"|"discard": 1}, answered {"log": {...}}.
import { z } from 'zod';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { maybeNumbers, maybeStrings } from '../schema';
import { instanceRef, type Instance } from './trove';

export const LogSchema = z.looseObject({ name: z.string(), ...maybeStrings('type', 'status', 'container', 'prefix', 'metafile'), ...maybeNumbers('published', 'pending') });
export type GuestLog = z.infer<typeof LogSchema>;
export const LogsSchema = z.looseObject({ logs: z.array(LogSchema).nullable() });

export type LogVerb = 'enable' | 'disable' | 'publish' | 'discard';
export const logPath = (i: Pick<Instance, 'id'>) => `instances/${i.id}/log`;
export const logActionRequest = (i: Pick<Instance, 'id'>, log: string, verb: LogVerb): ApiRequest => ({ method: 'POST', path: logPath(i), body: { name: log, [verb]: 1 } });
export const logActionCli = (i: Pick<Instance, 'id' | 'name'>, log: string, verb: LogVerb) => command(`openstack database log ${verb}`, instanceRef(i), log);

/**
 * The buttons a log offers: a disabled one is enabled, another published (and its published part discarded), and
 * only USER logs are switched off (SYS logs are always on). Trove refuses anything else in its own words.
 */
export function logVerbs(log: GuestLog): LogVerb[] {
  const s = (log.status ?? '').toLowerCase();
  if (s === 'disabled') return ['enable'];
  if (s === 'unavailable') return [];
  const out: LogVerb[] = ['publish'];
  if ((log.published ?? 0) > 0) out.push('discard');
  if (log.type === 'USER') out.push('disable');
  return out;
}
