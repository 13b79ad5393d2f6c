import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { controlValue, fieldErrors, withoutErrorsOf } from './use-zod-form';

const Schema = z
  .object({
    name: z.string().trim().min(1, { error: 'Enter a name' }).max(5, { error: 'At most 5 characters' }),
    size: z.coerce.number({ error: 'Enter a number' }).int({ error: 'Enter a whole number' }),
    refs: z.array(z.object({ name: z.string().min(1, { error: 'Give the reference a name' }), secret_ref: z.string() })),
  })
  .superRefine((v, ctx) => {
    if (!v.refs.length) ctx.addIssue({ code: 'custom', path: ['refs'], message: 'Add at least one secret' });
    v.refs.forEach((r, i) => {
      if (!r.secret_ref) ctx.addIssue({ code: 'custom', path: ['refs', i, 'secret_ref'], message: 'Pick a secret' });
    });
  });

const errorsOf = (v: unknown) => {
  const r = Schema.safeParse(v);
  return r.success ? {} : fieldErrors(r.error);
};

describe('fieldErrors', () => {
  it('keys each message by its field', () => {
    expect(errorsOf({ name: ' ', size: 'x', refs: [] })).toEqual({ name: 'Enter a name', size: 'Enter a number' });
  });
  it('keeps the first message of a field', () => {
    const r = z.object({ name: z.string().min(3, { error: 'first' }).regex(/^\d+$/, { error: 'second' }) }).safeParse({ name: 'a' });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ name: 'first' });
  });
  it('keys nested fields by their dotted path, apart from the field itself', () => {
    expect(errorsOf({ name: 'ok', size: '1', refs: [{ name: 'a', secret_ref: 'x' }, { name: '', secret_ref: 'y' }] })).toEqual({
      'refs.1.name': 'Give the reference a name',
    });
    expect(errorsOf({ name: 'ok', size: '1', refs: [] })).toEqual({ refs: 'Add at least one secret' });
    expect(errorsOf({ name: 'ok', size: '1', refs: [{ name: 'a', secret_ref: '' }] })).toEqual({ 'refs.0.secret_ref': 'Pick a secret' });
  });
  it('a check of the whole form without a path is keyed ""', () => {
    const r = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, { error: 'Must match' }).safeParse({ a: 'x', b: 'y' });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ '': 'Must match' });
  });
  it('takes an API answer’s issues, whose paths are already dotted', () => {
    expect(fieldErrors([{ path: 'cloud', message: 'Choose one of: a' }, { path: 'refs.0.name', message: 'x' }, { path: 'cloud', message: 'later' }])).toEqual({
      cloud: 'Choose one of: a',
      'refs.0.name': 'x',
    });
  });
  it('nothing wrong, nothing to show', () => {
    expect(errorsOf({ name: 'ok', size: '3', refs: [{ name: 'a', secret_ref: 'x' }] })).toEqual({});
  });
});

describe('withoutErrorsOf', () => {
  const errors = { name: 'Enter a name', subnet: 'Check the subnet', 'subnet.cidr': 'Not a CIDR', 'subnet.gateway': 'Outside the CIDR', subnets: 'Other field' };
  it('drops the errors of the fields that changed, and of the fields inside them', () => {
    expect(withoutErrorsOf(errors, ['subnet'])).toEqual({ name: 'Enter a name', subnets: 'Other field' });
    expect(withoutErrorsOf(errors, ['subnet.cidr', 'name'])).toEqual({ subnet: 'Check the subnet', 'subnet.gateway': 'Outside the CIDR', subnets: 'Other field' });
  });
  it('keeps the same object when nothing of it changed (no needless render)', () => {
    expect(withoutErrorsOf(errors, ['description'])).toBe(errors);
    expect(withoutErrorsOf(errors, [])).toBe(errors);
  });
});

describe('controlValue', () => {
  it('reads nothing outside a browser, and nothing from what is no control', () => {
    expect(controlValue({ value: 'x' }, '')).toBeUndefined();
    expect(controlValue(null, '')).toBeUndefined();
  });
});
