// Reverse DNS for floating IPs: Designate's /v2/reverse/floatingips/{region}:{floatingip_id}. PATCH sets the
// PTR (202, PENDING -> ACTIVE); PATCH with ptrdname null unsets it (202 with a JSON null body).
import { z } from 'zod';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { isFqdn } from './records';

export const PtrSchema = z.looseObject({
  id: z.string().min(1),
  address: z.string().nullable().optional(),
  ptrdname: z.string().nullable().optional(),
  ttl: z.number().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  action: z.string().nullable().optional(),
});
export type Ptr = z.infer<typeof PtrSchema>;
export const PtrListSchema = z.looseObject({ floatingips: z.array(PtrSchema) });

/** `RegionOne:<uuid>`, the key Designate names a floating IP by. */
export const ptrKey = (region: string, floatingIpId: string) => `${region}:${floatingIpId}`;
// The colon stays literal (a valid path character, and what Designate's router expects).
export const ptrPath = (region: string, floatingIpId: string) => `v2/reverse/floatingips/${encodeURIComponent(region)}:${encodeURIComponent(floatingIpId)}`;

export const PtrSetSchema = z.object({
  ptrdname: z
    .string()
    .trim()
    .min(1, { error: 'Enter the host name, e.g. web.example.org.' })
    .refine((v) => v.endsWith('.'), { error: 'A fully qualified name ends with a dot: web.example.org.' })
    .refine((v) => !v.endsWith('.') || isFqdn(v), { error: 'Not a valid host name' }),
  ttl: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 2147483647), { error: 'Enter a whole number of seconds' }),
  description: z.string().max(160, { error: 'At most 160 characters' }),
});
export type PtrSet = z.infer<typeof PtrSetSchema>;

export function ptrSetRequest(region: string, floatingIpId: string, i: PtrSet): ApiRequest {
  const body: Record<string, unknown> = { ptrdname: i.ptrdname.trim() };
  if (i.ttl) body.ttl = Number(i.ttl);
  if (i.description) body.description = i.description;
  return { method: 'PATCH', path: ptrPath(region, floatingIpId), body };
}

export const ptrUnsetRequest = (region: string, floatingIpId: string): ApiRequest => ({ method: 'PATCH', path: ptrPath(region, floatingIpId), body: { ptrdname: null } });

export function ptrSetCli(region: string, floatingIpId: string, i: Partial<PtrSet>): string {
  return command(
    'openstack', 'ptr', 'record', 'set',
    ...(i.ttl ? ['--ttl', i.ttl] : []),
    ...(i.description ? ['--description', i.description] : []),
    ptrKey(region, floatingIpId),
    i.ptrdname?.trim() || '<ptrdname.>',
  );
}
export const ptrUnsetCli = (region: string, floatingIpId: string) => command('openstack', 'ptr', 'record', 'unset', ptrKey(region, floatingIpId));
