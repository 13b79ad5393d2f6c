// Reverse DNS for floating IPs: Designate's /v2/reverse/floatingips/{region}:{floatingip_id}. PATCH sets the
// PTR (202, PENDING -> ACTIVE); PATCH with ptrdname null unsets it (202 with a JSON null body).
import { z } from 'zod';
import { command } from '../cli';
import { define, idColumn } from '../define';
import { maybeNumbers, maybeStrings } from '../schema';
import type { ApiRequest } from '../types';
import { descriptionSchema, fqdnSchema, ttlAndDescription, ttlSchema } from './records';
import { designateStatus, DNS_SERVICE } from './designate';

export const PtrSchema = z.looseObject({
  id: z.string().min(1),
  ...maybeStrings('address', 'ptrdname', 'description', 'status', 'action'),
  ...maybeNumbers('ttl'),
});
export type Ptr = z.infer<typeof PtrSchema>;

export const PtrSetSchema = z.object({
  ptrdname: fqdnSchema('Enter the host name, e.g. web.example.org.', 'A fully qualified name ends with a dot: web.example.org.', 'Not a valid host name'),
  ttl: ttlSchema(),
  description: descriptionSchema,
});
export type PtrSet = z.infer<typeof PtrSetSchema>;

const setCli = (p: Ptr, i: Partial<PtrSet>) =>
  command('openstack', 'ptr', 'record', 'set', { '--ttl': i.ttl || undefined, '--description': i.description || undefined }, p.id, i.ptrdname?.trim() || '<ptrdname.>');

// The key `RegionOne:<floating IP id>`: its colon stays literal (a valid path character, and what Designate's router expects).
const path = (key: string) => `v2/reverse/floatingips/${key.split(':').map(encodeURIComponent).join(':')}`;
const patch = (p: Ptr, body: unknown): ApiRequest => ({ method: 'PATCH', path: path(p.id), body });

/** The PTR of one floating IP (its id is Designate's key): set by its form, unset by its action. */
export const ptrDefinition = define<Ptr>({
  kind: 'ptr',
  slug: 'zones',
  service: DNS_SERVICE,
  label: { singular: 'PTR record', plural: 'PTR records' },
  paths: { list: 'v2/reverse/floatingips', item: path },
  keys: { list: 'floatingips', item: '' },
  schema: PtrSchema,
  name: (p) => p.address ?? p.id,
  // Polled while PENDING.
  status: (p) => designateStatus({ status: p.status ?? '', action: p.action }),
  columns: [idColumn((p) => p.id)],
  overview: [
    { label: 'PTR', value: (p) => p.ptrdname, mono: true, empty: 'not set' },
    { label: 'TTL', value: (p) => (p.ptrdname && p.ttl != null ? `${p.ttl} s` : '') },
    { label: 'Description', value: (p) => p.description },
  ],
  actions: [
    {
      id: 'unset', label: 'Unset PTR record', destructive: true, allowed: (p) => !!p.ptrdname,
      request: (p) => patch(p, { ptrdname: null }), cli: (p) => command('openstack', 'ptr', 'record', 'unset', p.id),
    },
  ],
  forms: [
    {
      id: 'set', label: 'Set PTR record', toggle: (p) => (p.ptrdname ? 'Change PTR record' : 'Set PTR record'), title: (p) => `PTR record for ${p.address ?? p.id}`,
      schema: PtrSetSchema,
      fields: [
        { name: 'ptrdname', label: 'PTR domain name', type: 'text', placeholder: 'web.example.org.', hint: 'Fully qualified, ending with a dot.' },
        { name: 'ttl', label: 'PTR TTL (seconds)', type: 'text', numeric: true },
        { name: 'description', label: 'PTR description', type: 'text' },
      ],
      initial: (p) => ({ ptrdname: p.ptrdname ?? '', ttl: p.ttl != null ? String(p.ttl) : '', description: p.description ?? '' }),
      request: (p, i: PtrSet) => patch(p, { ptrdname: i.ptrdname.trim(), ...ttlAndDescription(i) }),
      cli: (p, v) => setCli(p, v as Partial<PtrSet>),
      submitLabel: 'Save PTR record', errorTitle: 'Designate refused the PTR record',
    },
  ],
  cli: { list: 'openstack ptr record list', show: (p) => command('openstack', 'ptr', 'record', 'show', p.id) },
});
