// What Designate's zones, recordsets and PTR records share: the service, its statuses and its deletes.
import type { StatusInfo } from '../types';
import { deleteAction, type DeleteSpec } from '../define';

export const DNS_SERVICE = 'dns';
export const DESIGNATE = { service: DNS_SERVICE } as const;
/** The status with the action it waits on or failed at, in Designate's own words (`PENDING CREATE`, `ERROR (UPDATE)`). */
export function designateLabel(r: { status: string; action?: string | null }): string {
  const s = r.status.toUpperCase();
  const action = r.action && r.action !== 'NONE' ? r.action : '';
  if (s === 'PENDING') return action ? `PENDING ${action}` : 'PENDING';
  if (s === 'ERROR') return action ? `ERROR (${action})` : 'ERROR';
  return s === 'ACTIVE' ? 'ACTIVE' : r.status;
}

/** Zones, recordsets and PTR records: PENDING is transitional (polled), ERROR is an error, ACTIVE is stable. */
export function designateStatus(r: { status: string; action?: string | null }): StatusInfo {
  const s = r.status.toUpperCase();
  const label = designateLabel(r);
  if (s === 'PENDING') return { label, tone: 'busy' };
  if (s === 'ERROR') return { label, tone: 'error' };
  if (s === 'ACTIVE') return { label, tone: 'ok' };
  return { label, tone: 'unknown' };
}

/** What zones and recordsets share: Designate's statuses, pages of 100, sorted by name. */
export const designateBase = { status: designateStatus, pageSize: 100, defaultSort: { column: 'name', dir: 'asc' } } as const;

type Designated = { status: string; action?: string | null };
export const deleting = (r: Designated) => r.action === 'DELETE';

/** Delete a zone or recordset: not once its deletion runs, which shows at once as PENDING DELETE. */
export const designateDelete = <T extends Designated>(spec: DeleteSpec<T>) =>
  deleteAction<T>({ ...spec, allowed: (r, user) => !deleting(r) && (spec.allowed?.(r, user) ?? true), optimistic: (r) => ({ ...r, status: 'PENDING', action: 'DELETE' }) });
