import { describe, expect, it } from 'vitest';
import { isUuidLike } from './table';

describe('isUuidLike', () => {
  it.each([
    ['a Nova server id', '8b7e0c1e-5d3f-4c59-9a0e-2f1b6d8c4a11', true],
    ['upper case', '8B7E0C1E-5D3F-4C59-9A0E-2F1B6D8C4A11', true],
    ['a Keystone project id (32 hex digits)', '0123456789abcdef0123456789abcdef', true],
    ['a name', 'web-1', false],
    ['a UUID inside other text', 'node 8b7e0c1e-5d3f-4c59-9a0e-2f1b6d8c4a11', false],
    ['31 hex digits', '0123456789abcdef0123456789abcde', false],
    ['a MAC address', '52:54:00:12:34:56', false],
    ['a number', 42, false],
    ['nothing', undefined, false],
  ])('%s', (_n, value, expected) => {
    expect(isUuidLike(value)).toBe(expected);
  });
});
