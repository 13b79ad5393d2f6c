import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESENTATION, maskValue, parsePresentation, presentFromUrl } from './presentation';

describe('presentation settings', () => {
  it.each([
    [null, DEFAULT_PRESENTATION],
    ['not json', DEFAULT_PRESENTATION],
    ['null', DEFAULT_PRESENTATION],
    ['{"on":true}', { on: true, mask: DEFAULT_PRESENTATION.mask }],
    ['{"v":2,"on":"yes","mask":{"projectId":false,"email":false,"secretName":"x"}}', { on: false, mask: { email: false, projectId: false, secretName: false } }],
    // Saved before project IDs were masked by default: every save wrote false then, so it is no choice.
    ['{"on":true,"mask":{"projectId":false,"email":true,"secretName":true}}', { on: true, mask: { email: true, projectId: true, secretName: true } }],
    ['{"on":true,"mask":{"projectId":true,"email":false,"secretName":false}}', { on: true, mask: { email: false, projectId: true, secretName: false } }],
  ])('parses %s', (raw, want) => expect(parsePresentation(raw)).toEqual(want));

  it('masks e-mail addresses and project IDs by default, secret names only when chosen', () => {
    expect(DEFAULT_PRESENTATION.mask).toEqual({ email: true, projectId: true, secretName: false });
    expect(parsePresentation('{"on":true,"mask":{}}').mask.projectId).toBe(true);
  });

  it.each([
    ['1', false, true],
    ['true', false, true],
    ['0', true, false],
    [null, true, true],
    [null, false, false],
    ['maybe', true, true],
  ] as const)('?present=%s with stored %s -> %s', (param, stored, want) => expect(presentFromUrl(param, stored)).toBe(want));

  it('masks without leaking the length or domain', () => {
    expect(maskValue('someone@example.org')).toBe('••••••');
    expect(maskValue('x')).toBe('••••••');
  });
});
