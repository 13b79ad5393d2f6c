// Neutron kinds in an exported Heat template (heat/engine/resources/openstack/neutron/: net.py, subnet.py,
// router.py, floatingip.py, security_group.py): their properties from a live row, other objects by reference.
import { msg } from '@/lib/i18n/msg';
import type { FloatingIp } from '../network/floating-ip';
import type { Network } from '../network/network';
import type { Router } from '../network/router';
import type { Rule, SecurityGroup } from '../network/security-group';
import { subnetDefinition } from '../network/subnet';
import type { HeatContext, HeatMapping, HotResource, HotValue } from './heat-types';
import { networkValue } from './network-ref';

/** A router's interface resource on a subnet resource: `<router>_if_<subnet>`. */
export const interfaceSuffix = (subnetResource: string) => `if_${subnetResource}`;

/** Router ports on the project's subnets (their HA and DVR forms too), as router.ts lists them. */
const INTERFACE_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];

export const networkHeat: HeatMapping<Network> = {
  type: 'OS::Neutron::Net',
  stem: 'net',
  needs: ['subnets', 'networks'],
  skip: (n) => (n['router:external'] ? msg('iac.warnings.externalNetwork', { name: n.name || n.id }) : undefined),
  brings: [{ def: () => subnetDefinition, rows: (n, inv) => inv.subnets.filter((s) => s.network_id === n.id) }],
  resources: (n) => [
    {
      type: 'OS::Neutron::Net',
      properties: {
        name: n.name || undefined,
        admin_state_up: n.admin_state_up === false ? false : undefined,
        port_security_enabled: n.port_security_enabled === false ? false : undefined,
      },
    },
  ],
};

export const routerHeat: HeatMapping<Router> = {
  type: 'OS::Neutron::Router',
  stem: 'router',
  needs: ['ports', 'subnets', 'networks'],
  resources: (r, ctx) => {
    const gw = r.external_gateway_info;
    const own: HotResource = {
      type: 'OS::Neutron::Router',
      properties: {
        name: r.name || undefined,
        admin_state_up: r.admin_state_up === false ? false : undefined,
        external_gateway_info: gw ? { network: networkValue(ctx, gw.network_id) } : undefined,
      },
    };
    // One RouterInterface per interface on a subnet of the selection; the others cannot be referenced.
    const interfaces: HotResource[] = [];
    const seen = new Set<string>();
    for (const port of ctx.inventory.ports) {
      if (port.device_id !== r.id || !INTERFACE_OWNERS.includes(port.device_owner)) continue;
      for (const ip of port.fixed_ips) {
        if (!ip.subnet_id || seen.has(ip.subnet_id)) continue;
        seen.add(ip.subnet_id);
        const subnet = ctx.ref('subnet', ip.subnet_id);
        if (!subnet) {
          const s = ctx.inventory.subnets.find((x) => x.id === ip.subnet_id);
          ctx.warn(msg('iac.warnings.interfaceOutside', { name: r.name || r.id, subnet: String(s?.name || s?.cidr || ip.subnet_id) }));
          continue;
        }
        const router = ctx.nameOf('router', r.id)!;
        interfaces.push({ suffix: interfaceSuffix(subnet.get_resource), type: 'OS::Neutron::RouterInterface', properties: { router: { get_resource: router }, subnet } });
      }
    }
    return [own, ...interfaces];
  },
};

/** A rule as security_group.py's `rules` takes it; a remote group of the selection by reference. */
function ruleValue(rule: Rule, group: SecurityGroup, ctx: HeatContext): HotValue {
  const remote = rule.remote_group_id;
  return {
    direction: rule.direction,
    ethertype: rule.ethertype,
    protocol: rule.protocol ?? undefined,
    port_range_min: rule.port_range_min ?? undefined,
    port_range_max: rule.port_range_max ?? undefined,
    remote_ip_prefix: rule.remote_ip_prefix ?? undefined,
    description: rule.description || undefined,
    // remote_mode remote_group_id without an id is the group itself (security_group.py).
    ...(remote ? { remote_mode: 'remote_group_id', remote_group_id: remote === group.id ? undefined : (ctx.ref('security-group', remote) ?? remote) } : {}),
  };
}

export const securityGroupHeat: HeatMapping<SecurityGroup> = {
  type: 'OS::Neutron::SecurityGroup',
  stem: 'sg',
  // Neutron refuses a second group named default: every project has its own, servers name it.
  skip: (g) => (g.name === 'default' ? msg('iac.warnings.defaultGroup', { name: g.name }) : undefined),
  resources: (g, ctx) => {
    const foreign = g.security_group_rules.filter((r) => r.remote_group_id && r.remote_group_id !== g.id && !ctx.ref('security-group', r.remote_group_id));
    if (foreign.length) ctx.warn(msg('iac.warnings.remoteGroupOutside', { name: g.name, count: foreign.length }));
    return [
      {
        type: 'OS::Neutron::SecurityGroup',
        properties: { name: g.name, description: g.description || undefined, rules: g.security_group_rules.filter((r) => !foreign.includes(r)).map((r) => ruleValue(r, g, ctx)) },
      },
    ];
  },
};

export const floatingIpHeat: HeatMapping<FloatingIp> = {
  type: 'OS::Neutron::FloatingIP',
  stem: 'fip',
  needs: ['ports', 'networks'],
  resources: (f, ctx) => {
    // Associated through the server's `networks` entry (nova.ts) when its port belongs to a server of the selection.
    const port = f.port_id ? ctx.inventory.ports.find((p) => p.id === f.port_id) : undefined;
    if (f.port_id && !(port && ctx.ref('server', port.device_id))) ctx.warn(msg('iac.warnings.floatingIpOutside', { address: f.floating_ip_address }));
    return [{ type: 'OS::Neutron::FloatingIP', properties: { floating_network: networkValue(ctx, f.floating_network_id), description: f.description || undefined } }];
  },
};
