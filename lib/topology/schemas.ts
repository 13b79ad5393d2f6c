// Minimal schemas of the API objects the topology reads (Neutron v2.0 networks, subnets, ports, routers,
// floatingips; Nova servers/detail). Loose objects: unknown fields are kept. The full Network/Subnet/Port
// definitions live with the network resource kinds; these only name what the picture needs.
import { z } from 'zod';
import { ServerSchema } from '@/lib/resources/compute/server';

const id = z.string().min(1);
/** Neutron names may be empty strings (and rarely null from plugins). */
const name = z.string().nullable().optional();

export const TopoNetworkSchema = z.looseObject({
  id,
  name,
  status: z.string().optional(),
  'router:external': z.boolean().optional(),
  shared: z.boolean().optional(),
  subnets: z.array(z.string()).optional(),
});

export const TopoSubnetSchema = z.looseObject({
  id,
  name,
  network_id: id,
  cidr: z.string(),
  ip_version: z.number().optional(),
  gateway_ip: z.string().nullable().optional(),
});

export const FixedIpSchema = z.looseObject({ subnet_id: z.string(), ip_address: z.string() });

export const TopoPortSchema = z.looseObject({
  id,
  name,
  network_id: id,
  device_id: z.string().optional().default(''),
  device_owner: z.string().optional().default(''),
  status: z.string().optional(),
  fixed_ips: z.array(FixedIpSchema).optional().default([]),
});

export const TopoRouterSchema = z.looseObject({
  id,
  name,
  status: z.string().optional(),
  admin_state_up: z.boolean().optional(),
  external_gateway_info: z
    .looseObject({ network_id: id, external_fixed_ips: z.array(FixedIpSchema).optional() })
    .nullable()
    .optional(),
});

export const TopoFloatingIpSchema = z.looseObject({
  id,
  floating_ip_address: z.string(),
  floating_network_id: id,
  port_id: z.string().nullable().optional(),
  fixed_ip_address: z.string().nullable().optional(),
  router_id: z.string().nullable().optional(),
  status: z.string().optional(),
});

export const TopoServerSchema = ServerSchema.pick({ id: true, name: true, status: true, 'OS-EXT-STS:task_state': true, fault: true });

/** An Octavia load balancer with its pools' members (read per pool: Octavia has no project-wide member list). */
export const TopoLoadBalancerSchema = z.looseObject({
  id,
  name,
  provisioning_status: z.string(),
  operating_status: z.string(),
  vip_address: z.string().nullable().optional(),
  vip_network_id: z.string().nullable().optional(),
  vip_subnet_id: z.string().nullable().optional(),
});
export const TopoMemberSchema = z.looseObject({ id, address: z.string(), protocol_port: z.number().optional(), subnet_id: z.string().nullable().optional() });
export type TopoLoadBalancer = z.infer<typeof TopoLoadBalancerSchema> & { members?: z.infer<typeof TopoMemberSchema>[] };

export type TopoNetwork = z.infer<typeof TopoNetworkSchema>;
export type TopoSubnet = z.infer<typeof TopoSubnetSchema>;
export type TopoPort = z.infer<typeof TopoPortSchema>;
export type TopoRouter = z.infer<typeof TopoRouterSchema>;
export type TopoFloatingIp = z.infer<typeof TopoFloatingIpSchema>;
export type TopoServer = z.infer<typeof TopoServerSchema>;

export interface TopologyInput {
  networks: TopoNetwork[];
  subnets: TopoSubnet[];
  ports: TopoPort[];
  routers: TopoRouter[];
  floatingips: TopoFloatingIp[];
  servers: TopoServer[];
  /** Load balancers with their members; absent where the cloud has no Octavia. */
  loadbalancers?: TopoLoadBalancer[];
}

/** Response keys and the schema of their items, for parsing the six list answers. */
export const TOPOLOGY_SOURCES = {
  networks: { service: 'network', path: 'v2.0/networks', key: 'networks', schema: TopoNetworkSchema },
  subnets: { service: 'network', path: 'v2.0/subnets', key: 'subnets', schema: TopoSubnetSchema },
  ports: { service: 'network', path: 'v2.0/ports', key: 'ports', schema: TopoPortSchema },
  routers: { service: 'network', path: 'v2.0/routers', key: 'routers', schema: TopoRouterSchema },
  floatingips: { service: 'network', path: 'v2.0/floatingips', key: 'floatingips', schema: TopoFloatingIpSchema },
  servers: { service: 'compute', path: 'servers/detail', key: 'servers', schema: TopoServerSchema },
} as const;
