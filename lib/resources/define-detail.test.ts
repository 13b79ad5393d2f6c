import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { jsonCli, metadataTab, parsePairsText } from './define-detail';

describe('parsePairsText', () => {
  it('reads key=value lines, skipping blank ones and keeping further =', () => {
    expect(parsePairsText('a=1\n\n b = x=y \n')).toEqual({ metadata: { a: '1', b: 'x=y' } });
    expect(parsePairsText('')).toEqual({ metadata: {} });
  });
  it('names the first bad line', () => {
    const error = (text: string, lowercase = false) => {
      const r = parsePairsText(text, lowercase);
      return 'error' in r ? en(r.error) : undefined;
    };
    expect(error('a=1\n=2')).toBe('Line 2: write key=value');
    expect(error('a b=1')).toBe('Line 1: keys take letters, digits, _, . and - only');
    expect(error('a=1\na=2')).toBe('Line 2: a appears twice');
    expect(error('a=1\nA=2', true)).toBe('Line 2: a appears twice (keys are not case-sensitive)');
    expect(error('a=1\nA=2')).toBeUndefined();
  });
  it('labels a metadata tab "Metadata" unless told otherwise', () => {
    expect(en(metadataTab({ path: () => 'm', cli: () => 'c' }).label)).toBe('Metadata');
  });
});

describe('the raw JSON tab\'s command', () => {
  it('is the show command as JSON; a line that is not an openstack command stays as it is', () => {
    expect(jsonCli('openstack server show abc')).toBe('openstack server show abc -f json');
    expect(jsonCli('GET /v1/secrets/x')).toBe('GET /v1/secrets/x');
  });
});
