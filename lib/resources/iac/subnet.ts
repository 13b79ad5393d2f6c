// Neutron subnets in an exported Heat template (heat/engine/resources/openstack/neutron/subnet.py).
import type { Subnet } from '../network/subnet';
import type { HeatMapping } from './heat-types';
import { networkValue, nonEmpty } from './network-ref';

export const subnetHeat: HeatMapping<Subnet> = {
  type: 'OS::Neutron::Subnet',
  stem: 'subnet',
  needs: ['networks'],
  resources: (s, ctx) => [
    {
      type: 'OS::Neutron::Subnet',
      properties: {
        name: s.name || undefined,
        network: networkValue(ctx, s.network_id),
        ip_version: s.ip_version,
        cidr: s.cidr,
        // Heat: an empty gateway_ip means "no gateway"; absent lets Neutron pick the first address.
        gateway_ip: s.gateway_ip === null ? '' : s.gateway_ip,
        enable_dhcp: s.enable_dhcp,
        dns_nameservers: nonEmpty(s.dns_nameservers),
        allocation_pools: nonEmpty(s.allocation_pools.map((p) => ({ start: p.start, end: p.end }))),
        host_routes: nonEmpty(s.host_routes?.map((r) => ({ destination: r.destination, nexthop: r.nexthop }))),
        ipv6_ra_mode: s.ipv6_ra_mode ?? undefined,
        ipv6_address_mode: s.ipv6_address_mode ?? undefined,
      },
    },
  ],
};

