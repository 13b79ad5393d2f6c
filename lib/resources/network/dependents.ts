// What depends on a network, router or security group, said before the delete dialog is confirmed. Each reads
// the ports that tie the resource to the rest of the project (the only link Neutron keeps).
import { msg, type Msg } from '@/lib/i18n/msg';

type Get = (service: string, path: string) => Promise<unknown>;

interface PortLink {
  id: string;
  device_owner?: string;
  device_id?: string;
  security_groups?: string[];
}

async function ports(get: Get, query: string): Promise<PortLink[]> {
  const body = (await get('network', `v2.0/ports?${query}`)) as { ports?: PortLink[] };
  return body.ports ?? [];
}

const isInstance = (p: PortLink) => (p.device_owner ?? '').startsWith('compute:');
const isRouterPort = (p: PortLink) => (p.device_owner ?? '').startsWith('network:router_interface') || p.device_owner === 'network:ha_router_replicated_interface';
const instances = (ps: PortLink[]) => new Set(ps.filter(isInstance).map((p) => p.device_id)).size;

/** Ports in use on a network: instances and router interfaces block the delete (DHCP ports go with it). */
export async function networkDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const n of rows) {
    const ps = (await ports(get, `network_id=${encodeURIComponent(n.id)}&fields=id&fields=device_owner&fields=device_id`)).filter(
      (p) => p.device_owner !== 'network:dhcp',
    );
    if (!ps.length) continue;
    const vms = instances(ps);
    const routers = ps.filter(isRouterPort).length;
    const other = ps.length - ps.filter(isInstance).length - routers;
    // Which counts the sentence names (those above zero), as one message: `i` instances, `r` router interfaces, `o` other ports.
    const parts = `${vms ? 'i' : ''}${routers ? 'r' : ''}${other ? 'o' : ''}`;
    out.push(msg('kinds.network.dependents.portsInUse', { name: n.name || n.id, count: ps.length, parts, instances: vms, routers, others: other }));
  }
  return out;
}

/** A router's interfaces block its delete; its gateway goes with it. */
export async function routerDependents(
  rows: readonly { id: string; name: string; external_gateway_info?: { network_id?: string } | null }[],
  get: Get,
): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const r of rows) {
    const interfaces = (await ports(get, `device_id=${encodeURIComponent(r.id)}&fields=id&fields=device_owner`)).filter(isRouterPort).length;
    if (interfaces) out.push(msg('kinds.router.dependents.interfaces', { name: r.name || r.id, count: interfaces }));
    if (r.external_gateway_info?.network_id) out.push(msg('kinds.router.dependents.gateway', { name: r.name || r.id }));
  }
  return out;
}

/** Ports that use a security group (Neutron refuses to delete a group in use). */
export async function securityGroupDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<Msg[]> {
  const all = await ports(get, 'fields=id&fields=device_owner&fields=device_id&fields=security_groups');
  const out: Msg[] = [];
  for (const g of rows) {
    const using = all.filter((p) => p.security_groups?.includes(g.id));
    if (!using.length) continue;
    const vms = instances(using);
    out.push(msg('kinds.securityGroup.dependents.usedBy', { name: g.name || g.id, count: using.length, instances: vms }));
  }
  return out;
}
