import type { RequestContext } from './context';
import type { Reply } from './reply';

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** Splits a path into segments; trailing slashes are ignored as most OpenStack services do. */
function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/**
 * Method + path-pattern router. Patterns use the api-ref spelling: `/v3/projects/{project_id}`.
 * Paths are relative to the service prefix (the server strips `/identity`, `/compute`, ...).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string | string[], pattern: string, handler: Handler): this {
    for (const m of Array.isArray(method) ? method : [method]) {
      this.routes.push({ method: m.toUpperCase(), segments: split(pattern), handler });
    }
    return this;
  }

  get(p: string, h: Handler) { return this.add('GET', p, h); }
  head(p: string, h: Handler) { return this.add('HEAD', p, h); }
  post(p: string, h: Handler) { return this.add('POST', p, h); }
  put(p: string, h: Handler) { return this.add('PUT', p, h); }
  patch(p: string, h: Handler) { return this.add('PATCH', p, h); }
  delete(p: string, h: Handler) { return this.add('DELETE', p, h); }

  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const allowed = new Set<string>();
    let getFallback: { handler: Handler; params: Record<string, string> } | null = null;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.add(route.method);
      // HEAD is answered by the GET handler (the server drops the body) unless a HEAD route exists.
      if (method === 'HEAD' && route.method === 'GET' && !getFallback) getFallback = { handler: route.handler, params };
    }
    if (getFallback) return { kind: 'found', ...getFallback };
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith('{') && p.endsWith('}')) {
      let value: string;
      try {
        value = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
      params[p.slice(1, -1)] = value;
    } else if (p !== parts[i]) {
      return null;
    }
  }
  return params;
}
