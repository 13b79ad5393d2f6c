// Nova servers in an exported Heat template (heat/engine/resources/openstack/nova/server.py): image, flavor and key
// as parameters, networks from the server's ports (a subnet or network of the selection by reference), a floating IP
// of the selection through the network entry's `floating_ip`, security groups by reference or by name.
import { msg } from '@/lib/i18n/msg';
import type { FloatingIp } from '../network/floating-ip';
import type { Network } from '../network/network';
import type { SecurityGroup } from '../network/security-group';
import type { Server } from '../compute/server';
import type { Router } from '../network/router';
import type { HeatContext, HeatMapping, HotDependency, HotValue } from './heat-types';
import { interfaceSuffix } from './neutron';
import { networkValue } from './network-ref';

export const serverImageId = (s: Pick<Server, 'image'>): string => (typeof s.image === 'string' ? s.image : s.image.id);

/** The server's network entries: one per port it owns, in the order Neutron lists them. */
function serverNetworks(s: Server, ctx: HeatContext): HotValue[] {
  const fips = ctx.selected('floating-ip') as FloatingIp[];
  const withFip = (entry: Record<string, HotValue>, portId: string) => {
    const fip = fips.find((f) => f.port_id === portId);
    return fip ? { ...entry, floating_ip: ctx.ref('floating-ip', fip.id) } : entry;
  };
  const ports = ctx.inventory.ports.filter((p) => p.device_id === s.id && p.device_owner.startsWith('compute:'));
  if (ports.length) {
    return ports.map((p) => {
      const subnet = p.fixed_ips.map((ip) => (ip.subnet_id ? ctx.ref('subnet', ip.subnet_id) : undefined)).find(Boolean);
      if (subnet) return withFip({ subnet }, p.id);
      // Heat refuses floating_ip beside a network alone (server_network_mixin.py _validate_network: it needs a port it
      // makes itself, on a subnet): the port's subnet, outside the selection, as a parameter.
      const outside = p.fixed_ips.find((ip) => ip.subnet_id)?.subnet_id;
      if (outside && fips.some((f) => f.port_id === p.id)) {
        const s = ctx.inventory.subnets.find((x) => x.id === outside);
        return withFip({ subnet: ctx.param('subnet', String(s?.name || outside)) }, p.id);
      }
      return withFip({ network: networkValue(ctx, p.network_id) }, p.id);
    });
  }
  // Without its ports (not readable), the networks Nova names in `addresses`.
  const nets = ctx.selected('network') as Network[];
  return Object.keys(s.addresses).map((name) => {
    const net = nets.find((n) => n.name === name);
    return { network: net ? ctx.ref('network', net.id) : ctx.param('network', name) };
  });
}

/**
 * A floating IP is associated while the server is made: the router interfaces of the selection on the subnets of
 * those entries must exist first (Neutron refuses an address whose subnet does not reach the external network), and
 * nothing else orders them (Heat's FloatingIP waits for a router interface only through its own port_id).
 */
function floatingDependencies(s: Server, networks: readonly HotValue[], ctx: HeatContext): HotDependency[] {
  const subnets = networks.flatMap((n) => {
    const entry = n as { subnet?: { get_resource?: string }; floating_ip?: unknown };
    return entry.floating_ip && entry.subnet?.get_resource ? [entry.subnet.get_resource] : [];
  });
  if (!subnets.length) return [];
  const routers = ctx.selected('router') as Router[];
  return routers.flatMap((r) => subnets.map((sub) => ({ kind: 'router', id: r.id, suffix: interfaceSuffix(sub) })));
}

export const serverHeat: HeatMapping<Server> = {
  type: 'OS::Nova::Server',
  stem: 'server',
  needs: ['ports', 'networks', 'images', 'flavors'],
  skip: (s) => (serverImageId(s) ? undefined : msg('iac.warnings.bootFromVolume', { name: s.name })),
  resources: (s, ctx) => {
    const imageId = serverImageId(s);
    const image = ctx.inventory.images[imageId];
    if (!image) ctx.warn(msg('iac.warnings.imageUnknown', { name: s.name, id: imageId }));
    const flavor = s.flavor.original_name ?? (s.flavor.id ? ctx.inventory.flavors[s.flavor.id] ?? s.flavor.id : '');
    const groups = ctx.selected('security-group') as SecurityGroup[];
    const groupNames = [...new Set((s.security_groups ?? []).map((g) => g.name))];
    const metadata = s.metadata && Object.keys(s.metadata).length ? s.metadata : undefined;
    const networks = serverNetworks(s, ctx);
    return [
      {
        type: 'OS::Nova::Server',
        depends_on: floatingDependencies(s, networks, ctx),
        properties: {
          name: s.name,
          image: ctx.param('image', image ?? imageId),
          flavor: ctx.param('flavor', flavor),
          key_name: s.key_name ? ctx.param('keypair', s.key_name) : undefined,
          networks,
          security_groups: groupNames.length ? groupNames.map((n) => { const g = groups.find((x) => x.name === n); return g ? ctx.ref('security-group', g.id) : n; }) : undefined,
          metadata,
        },
      },
    ];
  },
};
