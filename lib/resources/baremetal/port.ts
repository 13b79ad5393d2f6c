// Ironic v1 ports: a node's NICs, by MAC address. A definition per node, listed in the node page's Ports tab.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { deleteAction, rest } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { IRONIC } from './states';

export const PortSchema = z.looseObject({
  uuid: z.string().min(1),
  address: z.string(),
  node_uuid: z.string().optional(),
  pxe_enabled: z.boolean().optional(),
  physical_network: z.string().nullable().optional(),
  created_at: z.string().optional(),
});
export type Port = z.infer<typeof PortSchema>;

/** Six pairs of hex digits separated by colons (Ironic's utils.is_valid_mac; it lower-cases). */
export const MAC_RE = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i;

export const PortCreateSchema = z.object({
  address: z.string().trim().regex(MAC_RE, { error: 'kinds.baremetalPort.errors.mac' }),
});

export const portCreateRequest = (nodeUuid: string, address: string): ApiRequest => ({
  method: 'POST', path: 'v1/ports', body: { address: address.trim().toLowerCase(), node_uuid: nodeUuid },
});

/** ironicclient: `openstack baremetal port create <address> --node <uuid>`. */
export const portCreateCli = (nodeUuid: string, address: string) => command('openstack baremetal port create', address.trim() || '<mac>', '--node', nodeUuid);

export function nodePortDefinition(nodeUuid: string): ResourceDefinition<Port, z.infer<typeof PortCreateSchema>> {
  return {
    kind: 'baremetal-port', slug: 'nodes', label: { singular: 'kinds.baremetalPort.singular', plural: 'kinds.baremetalPort.plural', noun: 'kinds.baremetalPort.noun' },
    ...rest(IRONIC, 'v1/ports', '', { list: `v1/ports/detail?node=${encodeURIComponent(nodeUuid)}` }),
    schema: PortSchema, id: (p) => p.uuid, name: (p) => p.address,
    columns: [
      { id: 'address', label: 'kinds.baremetalPort.fields.address', value: (p) => p.address, cell: 'mono' },
      { id: 'uuid', label: 'kinds.baremetalPort.fields.uuid', value: (p) => p.uuid, cell: 'mono', short: 'id' },
      { id: 'pxe', label: 'kinds.baremetalPort.fields.pxe', value: (p) => msg(p.pxe_enabled === false ? 'common.no' : 'common.yes', {}) },
    ],
    actions: [
      deleteAction({
        title: 'kinds.baremetalPort.confirm.deleteTitle', bulk: false, path: (p) => `v1/ports/${p.uuid}`, cli: (p) => `openstack baremetal port delete ${p.uuid}`,
        body: (rows) => msg('kinds.baremetalPort.confirm.deleteBody', { address: rows[0]?.address ?? '' }),
      }),
    ],
    create: {
      schema: PortCreateSchema,
      fields: [{ name: 'address', label: 'kinds.baremetalPort.fields.address', type: 'text', placeholder: 'kinds.baremetalPort.form.addressPlaceholder' }],
      defaults: { address: '' },
      request: (i) => portCreateRequest(nodeUuid, i.address),
      cli: (i) => portCreateCli(nodeUuid, i.address),
    },
    invalidates: ['baremetal-node'],
    cli: { list: `openstack baremetal port list --node ${nodeUuid}`, show: (p) => `openstack baremetal port show ${p.uuid}` },
  };
}
