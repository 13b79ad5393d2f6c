import { errorText } from '@/lib/client/api';
import { en } from '@/lib/testing/english';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteObject, emptyAndDelete, listObjects, type EmptyProgress } from './client';

// A tiny Swift behind a stubbed fetch: enough to check paging, deletes, and the refusal of unaddressable names.
function fakeSwift(names: string[], opts: { conflicts?: number } = {}) {
  const objects = new Set(names);
  let conflicts = opts.conflicts ?? 0;
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const url = new URL(input, 'http://dash');
    calls.push(`${method} ${url.pathname}${url.search}`);
    const parts = url.pathname.replace('/api/os/object-store/', '').split('/').map(decodeURIComponent);
    const [container, ...rest] = parts;
    if (method === 'GET') {
      const marker = url.searchParams.get('marker') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 10000);
      const page = [...objects].sort().filter((n) => n > marker).slice(0, limit);
      const body = JSON.stringify(page.map((name) => ({ name, bytes: 1, hash: 'h', content_type: 'text/plain', last_modified: '2024-01-01T00:00:00.000000' })));
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-container-object-count': String(objects.size) } });
    }
    if (method === 'DELETE' && rest.length) {
      const name = rest.join('/');
      if (!objects.delete(name)) return new Response(JSON.stringify({ error: { status: 404, message: 'Not Found' } }), { status: 404 });
      return new Response(null, { status: 204 });
    }
    if (method === 'DELETE') {
      if (conflicts-- > 0 || objects.size) return new Response(JSON.stringify({ error: { status: 409, message: `Conflict ${container}` } }), { status: 409 });
      return new Response(null, { status: 204 });
    }
    return new Response(null, { status: 405 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { objects, calls };
}

afterEach(() => vi.unstubAllGlobals());

describe('Swift client', () => {
  it('lists with the container headers and a next marker when the page is full', async () => {
    fakeSwift(['a', 'b', 'c']);
    const page = await listObjects('box', { limit: 2, delimiter: '/' });
    expect(page.entries.map((e) => ('name' in e ? e.name : ''))).toEqual(['a', 'b']);
    expect(page.next).toBe('b');
    expect(page.info.objectCount).toBe(3);
  });

  it('empties a container over several pages, then deletes it, reporting progress', async () => {
    const names = Array.from({ length: 1203 }, (_, i) => `dir/${String(i).padStart(4, '0')}.txt`);
    const swift = fakeSwift(names);
    const seen: EmptyProgress[] = [];
    const deleted = await emptyAndDelete('box', (p) => seen.push(p), new AbortController().signal);
    expect(deleted).toBe(1203);
    expect(swift.objects.size).toBe(0);
    expect(seen.at(-1)).toEqual({ deleted: 1203, found: 1203, done: true });
    expect(swift.calls.filter((c) => c.startsWith('GET')).length).toBe(2);
    expect(swift.calls.at(-1)).toBe('DELETE /api/os/object-store/box');
  });

  it('retries the container delete while Swift still counts the objects (409)', async () => {
    vi.useFakeTimers();
    try {
      fakeSwift(['a'], { conflicts: 2 });
      const done = emptyAndDelete('box', () => {}, new AbortController().signal);
      await vi.runAllTimersAsync();
      await expect(done).resolves.toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never sends a name the proxy would rewrite (a trailing "/" would hit another object)', async () => {
    const swift = fakeSwift(['a', 'a/']);
    const said = (p: Promise<unknown>) => p.then(() => '', (e: unknown) => en(errorText(e)));
    expect(await said(deleteObject('box', 'a/'))).toMatch(/^"a\/": empty path parts .* cannot be addressed here$/);
    expect(swift.calls).toEqual([]);
    expect(await said(emptyAndDelete('box', () => {}, new AbortController().signal))).toMatch(/1 cannot be addressed.*--recursive/);
    // The addressable one was deleted; the container (and the marker) kept.
    expect([...swift.objects]).toEqual(['a/']);
    expect(swift.calls.some((c) => c === 'DELETE /api/os/object-store/box')).toBe(false);
  });

  it('stops when cancelled and keeps the container', async () => {
    fakeSwift(['a', 'b', 'c']);
    const ctl = new AbortController();
    ctl.abort();
    await expect(emptyAndDelete('box', () => {}, ctl.signal)).rejects.toThrow('Cancelled');
  });
});
