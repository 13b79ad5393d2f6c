// A project's quotas as admins read and set them, per service, with usage beside each limit where the API says it:
// Nova    GET os-quota-sets/{p}/detail   PUT os-quota-sets/{p}   {"quota_set": {"cores": {"limit", "in_use", "reserved"}}}
// Cinder  GET os-quota-sets/{p}?usage=true, PUT os-quota-sets/{p}  (same shape; its "id" is no quota)
// Neutron GET v2.0/quotas/{p}/details   PUT v2.0/quotas/{p}       {"quota": {"network": {"limit", "used", "reserved"}}}
// Manila  GET quota-sets/{p}/detail     PUT quota-sets/{p}        (the proxy's default microversion, 2.25+)
// Octavia GET v2/lbaas/quotas/{p}       PUT v2/lbaas/quotas/{p}   {"quota": {"load_balancer": -1}} (no usage)
import { z } from 'zod';
import type { MsgKey } from '@/lib/i18n/msg';
import { CINDER_QUOTAS, MANILA_QUOTAS, NEUTRON_QUOTAS, NOVA_QUOTAS } from '../compute/quotas';
import type { ApiRequest } from '../types';

export interface QuotaApi {
  id: 'compute' | 'volume' | 'network' | 'share' | 'load-balancer';
  /** The proxy's service segment. */
  service: string;
  /** A section of the service, to know whether the cloud has it. */
  section: string;
  heading: MsgKey;
  read: (projectId: string) => string;
  write: (projectId: string) => string;
  key: 'quota_set' | 'quota';
  /** Our words for the quotas we know (the others show the service's key as it is). */
  labels: Record<string, MsgKey>;
}

const labelsOf = (spec: readonly { key: string; label: MsgKey }[]) => Object.fromEntries(spec.map((s) => [s.key, s.label]));

export const QUOTA_APIS: readonly QuotaApi[] = [
  { id: 'compute', service: 'compute', section: 'instances', heading: 'admin.quotas.compute', read: (p) => `os-quota-sets/${p}/detail`, write: (p) => `os-quota-sets/${p}`, key: 'quota_set', labels: labelsOf(NOVA_QUOTAS) },
  { id: 'volume', service: 'volumev3', section: 'volumes', heading: 'admin.quotas.volume', read: (p) => `os-quota-sets/${p}?usage=true`, write: (p) => `os-quota-sets/${p}`, key: 'quota_set', labels: labelsOf(CINDER_QUOTAS) },
  { id: 'network', service: 'network', section: 'networks', heading: 'admin.quotas.network', read: (p) => `v2.0/quotas/${p}/details`, write: (p) => `v2.0/quotas/${p}`, key: 'quota', labels: labelsOf(NEUTRON_QUOTAS) },
  { id: 'share', service: 'sharev2', section: 'shares', heading: 'admin.quotas.share', read: (p) => `quota-sets/${p}/detail`, write: (p) => `quota-sets/${p}`, key: 'quota_set', labels: labelsOf(MANILA_QUOTAS) },
  { id: 'load-balancer', service: 'load-balancer', section: 'load-balancers', heading: 'admin.quotas.loadBalancer', read: (p) => `v2/lbaas/quotas/${p}`, write: (p) => `v2/lbaas/quotas/${p}`, key: 'quota', labels: {} },
];

export interface QuotaRow {
  key: string;
  limit: number;
  used?: number;
  reserved?: number;
}

const num = z.coerce.number();
const Detail = z.looseObject({ limit: num, in_use: num.optional(), used: num.optional(), reserved: num.optional() });

/** Every quota the answer holds, sorted by key: a detail object, or a bare number (Octavia; null = the default, unlimited). */
export function parseQuotas(api: QuotaApi, body: unknown): QuotaRow[] {
  const map = z.looseObject({ [api.key]: z.record(z.string(), z.unknown()) }).parse(body)[api.key] as Record<string, unknown>;
  const rows: QuotaRow[] = [];
  for (const [key, v] of Object.entries(map)) {
    if (typeof v === 'number') rows.push({ key, limit: v });
    else if (v === null && api.id === 'load-balancer') rows.push({ key, limit: -1 });
    else {
      const d = Detail.safeParse(v);
      if (d.success) rows.push({ key, limit: d.data.limit, used: d.data.in_use ?? d.data.used, reserved: d.data.reserved });
    }
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

export type QuotaError = 'admin.quotas.errors.whole';

/** The edited limits that changed, as numbers, or the fields that are not whole numbers of at least -1. */
export function quotaChanges(rows: readonly QuotaRow[], edited: Record<string, string>): { changes: Record<string, number> } | { errors: Record<string, QuotaError> } {
  const changes: Record<string, number> = {};
  const errors: Record<string, QuotaError> = {};
  for (const r of rows) {
    const text = (edited[r.key] ?? String(r.limit)).trim();
    if (!/^-?\d+$/.test(text) || Number(text) < -1) {
      errors[r.key] = 'admin.quotas.errors.whole';
      continue;
    }
    if (Number(text) !== r.limit) changes[r.key] = Number(text);
  }
  return Object.keys(errors).length ? { errors } : { changes };
}

export const quotaRequest = (api: QuotaApi, projectId: string, changes: Record<string, number>): ApiRequest => ({ method: 'PUT', path: api.write(projectId), body: { [api.key]: changes } });

/** `openstack quota set` flags whose name is not the API key's (python-openstackclient's quota.py). */
const CLI_FLAGS: Record<string, string> = {
  metadata_items: 'properties', injected_file_content_bytes: 'injected-file-size', injected_file_path_bytes: 'injected-path-size',
  network: 'networks', subnet: 'subnets', port: 'ports', router: 'routers', floatingip: 'floating-ips', security_group: 'secgroups',
  security_group_rule: 'secgroup-rules', rbac_policy: 'rbac-policies', subnetpool: 'subnetpools',
};

/** The CLI: `openstack quota set` takes Nova, Cinder and Neutron flags by name; Manila and Octavia have their own. */
export function quotaCli(api: QuotaApi, projectId: string, changes: Record<string, number>): string {
  const flag = (k: string) => (api.id === 'compute' || api.id === 'network' ? CLI_FLAGS[k] : undefined) ?? k.replace(/_/g, '-');
  const flags = Object.entries(changes).map(([k, v]) => `--${flag(k)} ${v}`).join(' ');
  if (api.id === 'share') return `openstack share quota set ${flags} ${projectId}`;
  if (api.id === 'load-balancer') return `openstack loadbalancer quota set ${flags} ${projectId}`;
  return `openstack quota set ${flags} ${projectId}`;
}
