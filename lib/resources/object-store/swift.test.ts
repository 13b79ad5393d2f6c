import { en } from '@/lib/testing/english';
import { describe, expect, it } from 'vitest';
import {
  breadcrumbs,
  cli,
  containerInfo,
  containerNameError,
  formatBytes,
  isPublicRead,
  listingQuery,
  nextMarker,
  normaliseFolder,
  objectMetadata,
  objectNameError,
  ObjectListingSchema,
  splitListing,
  swiftPath,
} from './swift';

const obj = (name: string, bytes = 1) => ({ name, bytes, hash: 'd41d8cd98f00b204e9800998ecf8427e', content_type: 'text/plain', last_modified: '2024-05-01T10:00:00.123456' });

describe('splitListing', () => {
  it('separates subdirs from objects, named relative to the prefix', () => {
    const entries = ObjectListingSchema.parse([{ subdir: 'docs/a/' }, obj('docs/readme.txt'), { subdir: 'docs/b/' }, obj('docs/z.bin', 5)]);
    const { folders, objects } = splitListing(entries, 'docs/');
    expect(folders).toEqual([
      { prefix: 'docs/a/', name: 'a' },
      { prefix: 'docs/b/', name: 'b' },
    ]);
    expect(objects.map((o) => [o.name, o.display, o.bytes])).toEqual([
      ['docs/readme.txt', 'readme.txt', 1],
      ['docs/z.bin', 'z.bin', 5],
    ]);
  });
  it('keeps top-level names as they are', () => {
    const { folders, objects } = splitListing(ObjectListingSchema.parse([{ subdir: 'photos/' }, obj('a.txt')]), '');
    expect(folders).toEqual([{ prefix: 'photos/', name: 'photos' }]);
    expect(objects[0].display).toBe('a.txt');
  });
  it('keeps unknown fields (looseObject) and refuses entries that are neither', () => {
    const parsed = ObjectListingSchema.parse([{ ...obj('x'), symlink_path: '/v1/a/c/o' }]);
    expect((parsed[0] as Record<string, unknown>).symlink_path).toBe('/v1/a/c/o');
    expect(() => ObjectListingSchema.parse([{ bytes: 1 }])).toThrow();
  });
});

describe('nextMarker', () => {
  it.each([
    [[{ name: 'a' }, { name: 'b' }], 2, 'b'],
    [[{ name: 'a' }, { subdir: 'b/' }], 2, 'b/'],
    [[{ name: 'a' }], 2, undefined],
    [[], 2, undefined],
  ])('%j with limit %i -> %s', (entries, limit, want) => {
    expect(nextMarker(entries, limit)).toBe(want);
  });
});

describe('folders', () => {
  it('builds breadcrumbs', () => {
    expect(breadcrumbs('')).toEqual([]);
    expect(breadcrumbs('a/b/')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: 'b', prefix: 'a/b/' },
    ]);
  });
  it.each([
    ['', ''],
    ['/', ''],
    ['a', 'a/'],
    ['/a//b/', 'a/b/'],
    [' a / b ', 'a/b/'],
  ])('normaliseFolder(%j) = %j', (input, want) => {
    expect(normaliseFolder(input)).toBe(want);
  });
});

describe('name validation', () => {
  it.each([
    ['', 'Enter a name'],
    ['ok-name_1.2', null],
    ['with space', null],
    ['a/b', 'cannot contain "/"'],
    ['x'.repeat(257), '256 bytes'],
    ['é'.repeat(129), '256 bytes'],
    ['..', '"." or ".."'],
    [' lead', 'space'],
    ['a@b', '"@"'],
    ['a%2Fb', 'encoded separators'],
  ])('container %j', (name, want) => {
    const got = containerNameError(name);
    if (want === null) expect(got).toBeNull();
    else expect(en(got!)).toContain(want);
  });
  it.each([
    ['a.txt', null],
    ['dir/sub/a.txt', null],
    ['', 'needs a name'],
    ['dir//a', 'empty path parts'],
    ['dir/', 'empty path parts'],
    ['/a', 'empty path parts'],
    ['a/../b', '".."'],
    ['me@host.txt', '"@"'],
    ['x'.repeat(1025), '1024 bytes'],
  ])('object %j', (name, want) => {
    const got = objectNameError(name);
    if (want === null) expect(got).toBeNull();
    else expect(en(got!)).toContain(want);
  });
});

describe('paths and queries', () => {
  it('keeps "/" in object names as path separators and encodes the rest', () => {
    expect(swiftPath()).toBe('/api/os/object-store');
    expect(swiftPath('my box')).toBe('/api/os/object-store/my%20box');
    expect(swiftPath('c', 'a b/ü?.txt')).toBe('/api/os/object-store/c/a%20b/%C3%BC%3F.txt');
  });
  it('builds listing queries', () => {
    expect(listingQuery({ limit: 100 })).toBe('?format=json&limit=100');
    expect(listingQuery({ prefix: 'a/', delimiter: '/', marker: 'a/x', limit: 2 })).toBe('?format=json&limit=2&marker=a%2Fx&prefix=a%2F&delimiter=%2F');
  });
});

describe('headers', () => {
  it('reads object metadata', () => {
    const m = objectMetadata(
      Object.entries({ 'content-type': 'text/plain', etag: '"abc"', 'last-modified': 'Wed, 01 May 2024 10:00:00 GMT', 'x-object-meta-color': 'blue', 'x-timestamp': '1714557600.00000' }),
    );
    expect(m).toEqual({ contentType: 'text/plain', etag: 'abc', lastModified: 'Wed, 01 May 2024 10:00:00 GMT', timestamp: '1714557600.00000', meta: { color: 'blue' } });
  });
  it('reads container info and the public-read ACL', () => {
    const i = containerInfo(Object.entries({ 'x-container-object-count': '3', 'x-container-bytes-used': '42', 'x-container-read': '.r:*,.rlistings', 'x-container-meta-owner': 'me' }));
    expect(i).toMatchObject({ objectCount: 3, bytesUsed: 42, read: '.r:*,.rlistings', meta: { owner: 'me' } });
    expect(isPublicRead(i.read)).toBe(true);
    expect(isPublicRead('.r:*')).toBe(true);
    expect(isPublicRead('demo:demo')).toBe(false);
    expect(isPublicRead(undefined)).toBe(false);
  });
});

describe('formatting and CLI', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [300 * 1024 ** 3, '300 GiB'],
  ])('formatBytes(%i) = %s', (n, want) => {
    expect(formatBytes(n)).toBe(want);
  });
  it('quotes names for the shell', () => {
    expect(cli.createContainer('box', true)).toBe("openstack container create box && swift post --read-acl '.r:*,.rlistings' box");
    expect(cli.deleteObject('my box', "it's.txt")).toBe(`openstack object delete 'my box' 'it'\\''s.txt'`);
    expect(cli.emptyAndDelete('box')).toBe('openstack container delete --recursive box');
    expect(cli.upload('box', 'docs/a.txt')).toBe('openstack object create --name docs/a.txt box a.txt');
  });
});
