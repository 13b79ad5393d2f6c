// The VIP of a new load balancer, as Octavia's API validates it (vip_port_id, else vip_network_id, else
// vip_subnet_id, seen with the caller's own Neutron rights) and as its network driver allocates it: a port
// "octavia-lb-<id>" (device "lb-<id>", owner "Octavia", admin down) in the load balancer's project, with
// an address from the subnet's IPAM. A port the user passed is used as it is and never deleted.
import type { AuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import { HttpError } from '../../core/errors';
import { cidrContains, createServicePort, normalizeIp, parseCidr, parseIp, visibleNetwork, visiblePort, visibleSubnet, type Subnet } from './deps';
import { fault, subresourceNotFound, validation } from './errors';
import type { LoadBalancer } from './model';
import type { Body } from './schema';

export interface VipPlan {
  networkId: string;
  subnetId: string;
  address: string | null;
  /** The user's own port (not Octavia's to delete). */
  portId: string | null;
  additional: Array<{ subnet_id: string; ip_address: string | null }>;
}

const inCidr = (sub: Subnet, address: string) => {
  const ip = parseIp(address);
  const c = parseCidr(sub.cidr);
  return !!ip && !!c && cidrContains(c, ip);
};

/** Validates the VIP fields of a create request (400s with Octavia's messages); nothing is allocated yet. */
export function planVip(core: CloudCore, auth: AuthInfo, body: Body): VipPlan {
  const pid = auth.project?.id ?? '';
  const admin = auth.isAdmin;
  const subnet = (id: string) => {
    const sub = visibleSubnet(core, id, pid, admin);
    if (!sub) throw subresourceNotFound('Subnet', id);
    return sub;
  };
  const portId = body.vip_port_id as string | undefined;
  const networkId = body.vip_network_id as string | undefined;
  let subnetId = (body.vip_subnet_id as string | undefined) ?? null;
  let address = (body.vip_address as string | undefined) ?? null;
  let netId: string;
  if (!portId && !networkId && !subnetId) throw validation('VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.');
  if (portId) {
    const port = visiblePort(core, portId, pid, admin);
    if (!port) throw subresourceNotFound('Port', portId);
    if (port.device_id) throw validation(`Port ${port.id} is already used by device ${port.device_id} `);
    netId = port.network_id;
    if (subnetId) {
      subnet(subnetId);
      address = port.fixed_ips.find((f) => f.subnet_id === subnetId)?.ip_address ?? null;
      if (!address) throw validation('No VIP address found on the specified VIP port within the specified subnet.');
    } else if (address) {
      const want = normalizeIp(address);
      subnetId = port.fixed_ips.find((f) => normalizeIp(f.ip_address) === want)?.subnet_id ?? null;
      if (!subnetId) throw validation('Specified VIP address not found on the specified VIP port.');
    } else if (port.fixed_ips.length === 1) {
      subnetId = port.fixed_ips[0].subnet_id;
      address = port.fixed_ips[0].ip_address;
    } else {
      throw validation("VIP port's subnet could not be determined. Please specify either a VIP subnet or address.");
    }
  } else if (networkId) {
    const net = visibleNetwork(core, networkId, pid, admin);
    if (!net) throw subresourceNotFound('Network', networkId);
    netId = net.id;
    const subnets = net.subnets.map((id) => visibleSubnet(core, id, pid, true)).filter((x): x is Subnet => !!x);
    if (subnetId) {
      if (!net.subnets.includes(subnetId)) throw subresourceNotFound('Subnet', subnetId);
    } else if (address) {
      subnetId = subnets.find((sub) => inCidr(sub, address!))?.id ?? null;
      if (!subnetId) throw validation('Supplied network does not contain a subnet for VIP address specified.');
    } else {
      if (subnets.length === 0) throw validation('Supplied network does not contain a subnet.');
      // The first subnet, preferring IPv4.
      subnetId = (subnets.find((sub) => sub.ip_version === 4) ?? subnets[0]).id;
    }
  } else {
    netId = subnet(subnetId!).network_id;
  }
  if (body.vip_qos_policy_id) throw validation('VIP QoS policy is not allowed in this deployment.');
  const additional = ((body.additional_vips as Body[] | undefined) ?? []).map((a) => ({ subnet_id: a.subnet_id as string, ip_address: (a.ip_address as string | undefined) ?? null }));
  const used = new Set([subnetId!]);
  for (const a of additional) {
    if (used.has(a.subnet_id)) throw validation('Duplicate VIP subnet(s) specified. Only one IP can be bound per subnet.');
    used.add(a.subnet_id);
    if (subnet(a.subnet_id).network_id !== netId) throw validation('All VIP subnets must belong to the same network.');
  }
  return { networkId: netId, subnetId: subnetId!, address, portId: portId ?? null, additional };
}

/** Makes (or adopts) the VIP port and fills the load balancer's vip_* fields; Neutron's errors pass through. */
export function allocateVip(core: CloudCore, lb: LoadBalancer, plan: VipPlan): void {
  lb.vip_network_id = plan.networkId;
  lb.vip_subnet_id = plan.subnetId;
  if (plan.portId) {
    lb.vip_port_id = plan.portId;
    lb.vip_address = plan.address!;
    lb._vip_owned = false;
    return;
  }
  const want = (subnetId: string, ip: string | null) => ({ subnet_id: subnetId, ...(ip ? { ip_address: ip } : {}) });
  try {
    const port = createServicePort(core, {
      projectId: lb.project_id, networkId: plan.networkId, name: `octavia-lb-${lb.id}`, deviceId: `lb-${lb.id}`, deviceOwner: 'Octavia',
      adminStateUp: false, fixedIps: [want(plan.subnetId, plan.address), ...plan.additional.map((a) => want(a.subnet_id, a.ip_address))],
    });
    lb.vip_port_id = port.id;
    lb.vip_address = port.fixed_ips.find((f) => f.subnet_id === plan.subnetId)!.ip_address;
    lb.additional_vips = plan.additional.map((a) => ({ subnet_id: a.subnet_id, ip_address: port.fixed_ips.find((f) => f.subnet_id === a.subnet_id)!.ip_address }));
    lb._vip_owned = true;
  } catch (e) {
    // AllocateVIPException carries Neutron's own status and message.
    if (e instanceof HttpError) throw fault(e.status, e.message);
    throw e;
  }
}
