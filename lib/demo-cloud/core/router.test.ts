import { describe, expect, it } from 'vitest';
import { Router } from './router';

const ok = () => ({ status: 200 });

describe('Router', () => {
  const r = new Router()
    .get('/v3/projects', ok)
    .get('/v3/projects/{project_id}', ok)
    .delete('/v3/projects/{project_id}', ok)
    .head('/v3/auth/tokens', ok)
    .get('/', ok);

  it.each([
    ['GET', '/v3/projects', {}],
    ['GET', '/v3/projects/', {}],
    ['GET', '/v3/projects/abc', { project_id: 'abc' }],
    ['GET', '/v3/projects/a%20b', { project_id: 'a b' }],
    ['DELETE', '/v3/projects/abc', { project_id: 'abc' }],
    ['HEAD', '/v3/projects/abc', { project_id: 'abc' }], // answered by the GET handler
    ['HEAD', '/v3/auth/tokens', {}],
    ['GET', '/', {}],
  ])('%s %s matches with params %j', (method, path, params) => {
    const m = r.match(method, path);
    expect(m.kind).toBe('found');
    if (m.kind === 'found') expect(m.params).toEqual(params);
  });

  it('answers 405 data when only the method differs', () => {
    expect(r.match('POST', '/v3/projects/abc')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'DELETE'] });
  });

  it.each([['/v3/projects/abc/users'], ['/v2/projects'], ['/v3/projects/%E0%A4%A']])('does not match %s', (path) => {
    expect(r.match('GET', path).kind).toBe('not-found');
  });
});
