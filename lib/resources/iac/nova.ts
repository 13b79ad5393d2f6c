// Nova servers in an exported Heat template (heat/engine/resources/openstack/nova/server.py): image, flavor and key
// as parameters, networks from the server's ports (a subnet or network of the selection by reference), a floating IP
// of the selection through the network entry's `floating_ip`, security groups by reference or by name.
import { msg } from '@/lib/i18n/msg';
import type { FloatingIp } from '../network/floating-ip';
import type { Network } from '../network/network';
import type { SecurityGroup } from '../network/security-group';
import type { Server } from '../compute/server';
import type { HeatContext, HeatMapping, HotValue } from './heat-types';
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
      return withFip(subnet ? { subnet } : { network: networkValue(ctx, p.network_id) }, p.id);
    });
  }
  // Without its ports (not readable), the networks Nova names in `addresses`.
  const nets = ctx.selected('network') as Network[];
  return Object.keys(s.addresses).map((name) => {
    const net = nets.find((n) => n.name === name);
    return { network: net ? ctx.ref('network', net.id) : ctx.param('network', name) };
  });
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
    return [
      {
        type: 'OS::Nova::Server',
        properties: {
          name: s.name,
          image: ctx.param('image', image ?? imageId),
          flavor: ctx.param('flavor', flavor),
          key_name: s.key_name ? ctx.param('keypair', s.key_name) : undefined,
          networks: serverNetworks(s, ctx),
          security_groups: groupNames.length ? groupNames.map((n) => { const g = groups.find((x) => x.name === n); return g ? ctx.ref('security-group', g.id) : n; }) : undefined,
          metadata,
        },
      },
    ];
  },
};
