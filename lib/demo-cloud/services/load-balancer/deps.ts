// The other services, reached only through their contracts (services/<type>/api.ts), and Neutron's address helpers.
export {
  visibleNetwork,
  visibleSubnet,
  visiblePort,
  createServicePort,
  deleteServicePort,
  addressIsLive,
  type Network,
  type Port,
  type Subnet,
} from '../network/api';
export { parseIp, parseCidr, cidrString, cidrContains, normalizeIp } from '../network/ip';
export { readableTlsRef, type TlsRef } from '../key-manager/api';
/** The admin project stands in for Octavia's service project, which owns the amphorae's ports. */
export { seedProjectId } from '../identity/seed';
