// Reverse DNS for floating IPs: Designate's /v2/reverse/floatingips/{region}:{floatingip_id}. PATCH sets the
// PTR (202, PENDING -> ACTIVE); PATCH with ptrdname null unsets it (202 with a JSON null body).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, idColumn } from '../define';
import { maybeNumbers, maybeStrings } from '../schema';
import type { ApiRequest } from '../types';
import { descriptionSchema, fqdnSchema, ttlAndDescription, ttlSchema, withTrailingDot } from './records';
import { designateStatus, DNS_SERVICE } from './designate';

export const PtrSchema = z.looseObject({
  id: z.string().min(1),
  ...maybeStrings('address', 'ptrdname', 'description', 'status', 'action'),
  ...maybeNumbers('ttl'),
});
export type Ptr = z.infer<typeof PtrSchema>;

export const PtrSetSchema = z.object({
  ptrdname: fqdnSchema('kinds.ptr.errors.nameEmpty', 'kinds.ptr.errors.nameInvalid'),
  ttl: ttlSchema(),
  description: descriptionSchema,
});
export type PtrSet = z.infer<typeof PtrSetSchema>;

const setCli = (p: Ptr, i: Partial<PtrSet>) =>
  command('openstack', 'ptr', 'record', 'set', { '--ttl': i.ttl || undefined, '--description': i.description || undefined }, p.id, withTrailingDot(i.ptrdname ?? '') || '<ptrdname.>');

// The key `RegionOne:<floating IP id>`: its colon stays literal (a valid path character, and what Designate's router expects).
const path = (key: string) => `v2/reverse/floatingips/${key.split(':').map(encodeURIComponent).join(':')}`;
const patch = (p: Ptr, body: unknown): ApiRequest => ({ method: 'PATCH', path: path(p.id), body });

/** The PTR of one floating IP (its id is Designate's key): set by its form, unset by its action. */
export const ptrDefinition = define<Ptr>({
  kind: 'ptr',
  slug: 'zones',
  service: DNS_SERVICE,
  label: { singular: 'kinds.ptr.singular', plural: 'kinds.ptr.plural', noun: 'kinds.ptr.noun' },
  paths: { list: 'v2/reverse/floatingips', item: path },
  keys: { list: 'floatingips', item: '' },
  schema: PtrSchema,
  name: (p) => p.address ?? p.id,
  // Polled while PENDING.
  status: (p) => designateStatus({ status: p.status ?? '', action: p.action }),
  columns: [idColumn((p) => p.id)],
  overview: [
    { label: 'kinds.ptr.overview.ptr', value: (p) => p.ptrdname, mono: true, empty: 'kinds.ptr.overview.notSet' },
    { label: 'kinds.ptr.overview.ttl', value: (p) => (p.ptrdname && p.ttl != null ? `${p.ttl} s` : '') },
    { label: 'common.description', value: (p) => p.description },
  ],
  actions: [
    {
      id: 'unset', label: 'kinds.ptr.actions.unset', destructive: true, allowed: (p) => !!p.ptrdname,
      request: (p) => patch(p, { ptrdname: null }), cli: (p) => command('openstack', 'ptr', 'record', 'unset', p.id),
    },
  ],
  forms: [
    {
      id: 'set', label: 'kinds.ptr.actions.set', toggle: (p) => (p.ptrdname ? 'kinds.ptr.actions.change' : 'kinds.ptr.actions.set'), title: (p) => msg('kinds.ptr.form.title', { address: p.address ?? p.id }),
      schema: PtrSetSchema,
      fields: [
        { name: 'ptrdname', label: 'kinds.ptr.form.ptrdname', type: 'text', placeholder: 'kinds.ptr.form.ptrdnamePlaceholder', hint: 'kinds.ptr.form.ptrdnameHint' },
        { name: 'ttl', label: 'kinds.ptr.form.ttl', type: 'text', numeric: true },
        { name: 'description', label: 'kinds.ptr.form.description', type: 'text' },
      ],
      initial: (p) => ({ ptrdname: p.ptrdname ?? '', ttl: p.ttl != null ? String(p.ttl) : '', description: p.description ?? '' }),
      request: (p, i: PtrSet) => patch(p, { ptrdname: i.ptrdname.trim(), ...ttlAndDescription(i) }),
      cli: (p, v) => setCli(p, v as Partial<PtrSet>),
      submitLabel: 'kinds.ptr.form.submit', errorTitle: 'kinds.ptr.form.errorTitle',
    },
  ],
  cli: { list: 'openstack ptr record list', show: (p) => command('openstack', 'ptr', 'record', 'show', p.id) },
});
