// Trove's request conventions shared by the route modules: JSON bodies, links, the caller's instance
// (settled), and the fault Trove records on an instance when a call about it fails.
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Handler, Router } from '../../core/router';
import { badRequest, notFound } from './errors';
import { settleInstance } from './lifecycle';
import { databaseState, troveTime, type DatabaseState, type DbInstance } from './model';

export interface TroveDeps {
  core: CloudCore;
  s: DatabaseState;
}

export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = (await ctx.rawBody()).toString('utf8');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw badRequest('Malformed request body');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest('Malformed request body');
  return v as Record<string, unknown>;
}

/** A required object member of the body (`{"instance": {...}}`), with Trove's schema message when absent. */
export function member(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = body[key];
  if (v === undefined) throw badRequest(`Validation error: body '${key}' is a required property`);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest(`Validation error: ${key} ${JSON.stringify(v)} is not of type 'object'`);
  return v as Record<string, unknown>;
}

/** The caller's instance (any project for admins), settled; 404 "Resource <id> cannot be found." otherwise. */
export function getInstance(core: CloudCore, auth: ProjectAuthInfo, id: string): DbInstance {
  const inst = settleInstance(core, databaseState(core).instances[id]);
  if (!inst || (!auth.isAdmin && inst.project_id !== auth.project.id)) throw notFound(id);
  return inst;
}

/**
 * Routes about one instance (`{id}` in the path): a failure is recorded as the instance's fault, as
 * Trove's API does for every failed call on an instance (a failed delete while BUILD, an unknown user...).
 */
export function instanceRoute(router: Router, core: CloudCore, method: string, pattern: string, handler: Handler): void {
  router.add(method, pattern, async (ctx): Promise<Reply> => {
    try {
      return await handler(ctx);
    } catch (e) {
      const inst = databaseState(core).instances[ctx.params.id];
      const auth = ctx.tryAuth();
      if (e instanceof HttpError && inst && auth?.project && (auth.isAdmin || inst.project_id === auth.project.id)) {
        // Trove keeps the traceback only for what the guest raised (an unknown user or database: 404).
        const details = e.status === 404 ? `Server type: api\nTraceback (most recent call last):\n${e.message}\n` : null;
        inst.fault = { message: e.message, created: troveTime(core.clock.now()), details };
        core.state.markDirty();
      }
      throw e;
    }
  });
}
