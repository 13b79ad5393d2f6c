import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { associateCli, associateRequest, disassociateRequest, floatingIpCreateCli, floatingIpStatus, instanceOf, FloatingIpSchema } from './floating-ip';
import { gatewayIps, interfaceCli, interfaceRequest, routerCreateCli, routerCreateRequest, RouterCreateSchema, routerStatus, RouterSchema } from './router';
import { serverGroupCli, serverGroupRequest } from './security-group';

// Shapes as Neutron Zed answers them (realcloud).
const router = RouterSchema.parse({
  id: 'r1', name: 'edge r', tenant_id: 'p', admin_state_up: true, status: 'ACTIVE',
  external_gateway_info: { network_id: 'pub', external_fixed_ips: [{ subnet_id: 's', ip_address: '172.24.4.27' }], enable_snat: true },
  description: '', availability_zones: [], routes: [], tags: [],
});
const fip = FloatingIpSchema.parse({
  id: 'f1', floating_ip_address: '172.24.4.242', floating_network_id: 'pub', router_id: null, port_id: null, fixed_ip_address: null, status: 'DOWN', port_details: null, tags: [],
});

describe('routers', () => {
  it('reads the gateway IPs and the status', () => {
    expect(gatewayIps(router)).toEqual(['172.24.4.27']);
    expect(gatewayIps({ ...router, external_gateway_info: null })).toEqual([]);
    expect(routerStatus(router).tone).toBe('ok');
    expect(routerStatus({ status: 'ERROR' }).tone).toBe('error');
  });
  it('create body: the gateway only when chosen; the name is required', () => {
    expect(routerCreateRequest({ name: ' r ', description: '', gatewayNetworkId: 'pub', adminStateUp: true }).body).toEqual({ router: { name: 'r', admin_state_up: true, external_gateway_info: { network_id: 'pub' } } });
    expect(routerCreateRequest({ name: 'r', description: 'd', gatewayNetworkId: '', adminStateUp: false }).body).toEqual({ router: { name: 'r', admin_state_up: false, description: 'd' } });
    expect(RouterCreateSchema.safeParse({ name: ' ', description: '', gatewayNetworkId: '', adminStateUp: true }).success).toBe(false);
  });
  it('CLI lines quote names', () => {
    expect(routerCreateCli({ name: 'my router', gatewayNetworkId: 'pub', adminStateUp: true }, 'public')).toBe("openstack router create --external-gateway public 'my router'");
    expect(routerCreateCli({ name: '', adminStateUp: false })).toBe("openstack router create --disable '<name>'");
    expect(interfaceCli('edge r', 'sub', 'remove')).toBe("openstack router remove subnet 'edge r' sub");
    expect(interfaceRequest('r1', 's1', 'add')).toEqual({ method: 'PUT', path: 'v2.0/routers/r1/add_router_interface', body: { subnet_id: 's1' } });
  });
});

describe('floating IPs', () => {
  it('DOWN is not an error, and says why', () => {
    expect(floatingIpStatus(fip).tone).toBe('unknown');
    expect(en(floatingIpStatus(fip).detail)).toBe('Not associated with a port');
    expect(en(floatingIpStatus({ ...fip, port_id: 'p' }).detail)).toMatch(/no L3 agent/);
    expect(floatingIpStatus({ ...fip, status: 'ACTIVE' }).tone).toBe('ok');
  });
  it('the instance comes from port_details of a compute port only', () => {
    expect(instanceOf(fip)).toBeUndefined();
    expect(instanceOf({ ...fip, port_details: { device_id: 'srv', device_owner: 'compute:nova' } })).toBe('srv');
    expect(instanceOf({ ...fip, port_details: { device_id: 'lb', device_owner: 'Octavia' } })).toBeUndefined();
  });
  it('associate sends the fixed IP only when given; disassociate sends port_id null', () => {
    expect(associateRequest('f1', 'p1').body).toEqual({ floatingip: { port_id: 'p1' } });
    expect(associateRequest('f1', 'p1', '10.0.0.5').body).toEqual({ floatingip: { port_id: 'p1', fixed_ip_address: '10.0.0.5' } });
    expect(disassociateRequest('f1')).toEqual({ method: 'PUT', path: 'v2.0/floatingips/f1', body: { floatingip: { port_id: null } } });
    expect(associateCli('172.24.4.242', 'p1', '10.0.0.5')).toBe('openstack floating ip set --port p1 --fixed-ip-address 10.0.0.5 172.24.4.242');
    expect(floatingIpCreateCli({ networkId: 'pub', description: "team's" }, 'public')).toBe("openstack floating ip create --description 'team'\\''s' public");
  });
});

describe('instance security groups', () => {
  it('Nova actions and CLI', () => {
    expect(serverGroupRequest('s1', 'g1', 'add')).toEqual({ method: 'POST', path: 'servers/s1/action', body: { addSecurityGroup: { name: 'g1' } } });
    expect(serverGroupRequest('s1', 'g1', 'remove').body).toEqual({ removeSecurityGroup: { name: 'g1' } });
    expect(serverGroupCli('web 1', 'ssh', 'add')).toBe("openstack server add security group 'web 1' ssh");
  });
});
