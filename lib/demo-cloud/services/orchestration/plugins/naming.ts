// Heat's physical resource names: "<stack>-<resource>-<short id>", the short id derived from the
// resource's uuid (heat/common/short_id.py), cut to the type's limit (server names: 53) by keeping the
// first two characters and the end (resource.py reduce_physical_resource_name).
import { uuid as newUuid } from '../../../core/ids';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** short_id.get_id: the 60 random bits of a v4 uuid's time field, base32, 12 characters. */
export function shortId(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  const timeLow = BigInt(`0x${hex.slice(0, 8)}`);
  const timeMid = BigInt(`0x${hex.slice(8, 12)}`);
  const timeHi = BigInt(`0x${hex.slice(12, 16)}`) & 0x0fffn;
  const time = (timeHi << 48n) | (timeMid << 32n) | timeLow;
  const bytes: number[] = [];
  for (let off = 52; off > -8; off -= 8) bytes.push(Number((off >= 0 ? time >> BigInt(off) : time << BigInt(-off)) & 0xffn));
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < 12; i++) out += B32[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return out;
}

/** short_id.generate_id: a fresh 12-character id (autoscaling group member names). */
export const generateShortId = (): string => shortId(newUuid());

export function reduceName(name: string, limit: number): string {
  return name.length <= limit ? name : `${name.slice(0, 2)}-${name.slice(-(limit - 3))}`;
}

export function physicalName(stackName: string, resourceName: string, uuid: string, limit = 255): string {
  return reduceName(`${stackName.replace(/\*+$/, '')}-${resourceName}-${shortId(uuid)}`, limit);
}
