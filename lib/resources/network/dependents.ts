// What depends on a network, router or security group, said before the delete dialog is confirmed. Each reads
// the ports that tie the resource to the rest of the project (the only link Neutron keeps).
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isInstance = (p: PortLink) => (p.device_owner ?? '').startsWith('compute:');
const isRouterPort = (p: PortLink) => (p.device_owner ?? '').startsWith('network:router_interface') || p.device_owner === 'network:ha_router_replicated_interface';
const instances = (ps: PortLink[]) => new Set(ps.filter(isInstance).map((p) => p.device_id)).size;

/** Ports in use on a network: instances and router interfaces block the delete (DHCP ports go with it). */
export async function networkDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<string[]> {
  const out: string[] = [];
  for (const n of rows) {
    const ps = (await ports(get, `network_id=${encodeURIComponent(n.id)}&fields=id&fields=device_owner&fields=device_id`)).filter(
      (p) => p.device_owner !== 'network:dhcp',
    );
    if (!ps.length) continue;
    const vms = instances(ps);
    const routers = ps.filter(isRouterPort).length;
    const other = ps.length - ps.filter(isInstance).length - routers;
    const parts = [vms && plural(vms, 'instance'), routers && plural(routers, 'router interface'), other && plural(other, 'other port')].filter(Boolean);
    out.push(`${n.name || n.id} has ${plural(ps.length, 'port')} in use (${parts.join(', ')}): Neutron refuses to delete it until they are removed.`);
  }
  return out;
}

/** A router's interfaces block its delete; its gateway goes with it. */
export async function routerDependents(
  rows: readonly { id: string; name: string; external_gateway_info?: { network_id?: string } | null }[],
  get: Get,
): Promise<string[]> {
  const out: string[] = [];
  for (const r of rows) {
    const interfaces = (await ports(get, `device_id=${encodeURIComponent(r.id)}&fields=id&fields=device_owner`)).filter(isRouterPort).length;
    if (interfaces) out.push(`${r.name || r.id} has ${plural(interfaces, 'interface')} on subnets: remove ${interfaces === 1 ? 'it' : 'them'} first (Neutron refuses otherwise).`);
    if (r.external_gateway_info?.network_id) out.push(`${r.name || r.id} has an external gateway: it is cleared with the router, and floating IPs behind it stop working.`);
  }
  return out;
}

/** Ports that use a security group (Neutron refuses to delete a group in use). */
export async function securityGroupDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<string[]> {
  const all = await ports(get, 'fields=id&fields=device_owner&fields=device_id&fields=security_groups');
  const out: string[] = [];
  for (const g of rows) {
    const using = all.filter((p) => p.security_groups?.includes(g.id));
    if (!using.length) continue;
    const vms = instances(using);
    out.push(`${g.name || g.id} is used by ${plural(using.length, 'port')}${vms ? ` (${plural(vms, 'instance')})` : ''}: remove it from them first.`);
  }
  return out;
}
