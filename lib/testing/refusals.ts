// A form schema's refusals as a table: per field, each bad value and the message the form shows for it.
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMsg } from '@/lib/i18n/issue';
import { en } from './english';

type Refusals = Record<string, Record<string, string>>;

/** One test per bad value: `schema` refuses `base` with `field` set to it, with `message` on that field in English. */
export function itRefuses(schema: z.ZodType, base: Record<string, unknown>, refusals: Refusals) {
  const rows = Object.entries(refusals).flatMap(([field, bad]) => Object.entries(bad).map(([value, message]) => [field, value, message] as const));
  it.each(rows)('refuses %s = %j', (field, value, message) => {
    const r = schema.safeParse({ ...base, [field]: value });
    expect(r.success).toBe(false);
    expect(en(issueMsg(r.error?.issues.find((i) => i.path[0] === field)?.message))).toBe(message);
  });
}
