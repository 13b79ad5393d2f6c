// Ironic v1 ports: a node's NICs, by MAC address. Listed per node on the node page.
import { z } from 'zod';
import { command } from '../cli';
import type { ApiRequest } from '../types';

export const PortSchema = z.looseObject({
  uuid: z.string().min(1),
  address: z.string(),
  node_uuid: z.string().optional(),
  pxe_enabled: z.boolean().optional(),
  physical_network: z.string().nullable().optional(),
  created_at: z.string().optional(),
});
export type Port = z.infer<typeof PortSchema>;
export const PortListSchema = z.looseObject({ ports: z.array(PortSchema) });

/** Six pairs of hex digits separated by colons (Ironic's utils.is_valid_mac; it lower-cases). */
export const MAC_RE = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i;

export const PortCreateSchema = z.object({
  address: z.string().trim().regex(MAC_RE, { error: 'Enter a MAC address like 52:54:00:12:34:56' }),
});

export const nodePortsPath = (nodeUuid: string) => `v1/ports/detail?node=${encodeURIComponent(nodeUuid)}`;

export const portCreateRequest = (nodeUuid: string, address: string): ApiRequest => ({
  method: 'POST', path: 'v1/ports', body: { address: address.trim().toLowerCase(), node_uuid: nodeUuid },
});
export const portDeleteRequest = (p: Port): ApiRequest => ({ method: 'DELETE', path: `v1/ports/${p.uuid}` });

/** ironicclient: `openstack baremetal port create <address> --node <uuid>`. */
export const portCreateCli = (nodeUuid: string, address: string) => command('openstack baremetal port create', address.trim() || '<mac>', '--node', nodeUuid);
export const portDeleteCli = (p: Port) => `openstack baremetal port delete ${p.uuid}`;
