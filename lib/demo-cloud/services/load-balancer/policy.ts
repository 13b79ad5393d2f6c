// Octavia's default policy (octavia/policies/base.py) as Zed evaluates it with enforce_new_defaults=false:
// the deprecated rules are OR-ed in, so `admin` counts as a load-balancer admin, and the observer and
// member roles act on their own project only. A plain `member` gets 403 from every call.
import type { AuthInfo } from '../../core/auth';
import { policyForbidden } from './errors';

export type Rule = 'read' | 'read-global' | 'write' | 'admin' | 'read-quota' | 'read-quota-global' | 'write-quota';

const has = (auth: AuthInfo, role: string) => auth.roleNames.includes(role);
const isLbAdmin = (auth: AuthInfo) => auth.isAdmin || has(auth, 'load-balancer_admin');
const globalObserver = (auth: AuthInfo) => has(auth, 'load-balancer_global_observer');
const quotaAdmin = (auth: AuthInfo) => has(auth, 'load-balancer_quota_admin');

/** Whether `rule` allows the caller to act on an object of `projectId` (the target's project). */
export function allows(auth: AuthInfo, rule: Rule, projectId: string | null): boolean {
  const owner = !!auth.project && auth.project.id === projectId;
  const observerOrMember = owner && (has(auth, 'load-balancer_observer') || has(auth, 'load-balancer_member'));
  switch (rule) {
    case 'admin':
      return isLbAdmin(auth);
    case 'read':
      return observerOrMember || globalObserver(auth) || isLbAdmin(auth);
    case 'read-global':
      return globalObserver(auth) || isLbAdmin(auth);
    case 'write':
      return (owner && has(auth, 'load-balancer_member')) || isLbAdmin(auth);
    case 'read-quota':
      return observerOrMember || globalObserver(auth) || quotaAdmin(auth) || isLbAdmin(auth);
    case 'read-quota-global':
      return globalObserver(auth) || quotaAdmin(auth) || isLbAdmin(auth);
    case 'write-quota':
      return quotaAdmin(auth) || isLbAdmin(auth);
  }
}

/** 403 "Policy does not allow this request to be performed." unless allowed. */
export function authorize(auth: AuthInfo, rule: Rule, projectId: string | null): void {
  if (!allows(auth, rule, projectId)) throw policyForbidden();
}

/**
 * The project filter of a list (`_auth_get_all`): global readers see every project (or the one they ask for);
 * others see their own project, and asking for another one is a 403.
 */
export function listScope(auth: AuthInfo, requested: string | null, global: Rule = 'read-global', local: Rule = 'read'): string | null {
  if (allows(auth, global, requested)) return requested;
  const projectId = requested ?? auth.project?.id ?? null;
  if (projectId === null) throw policyForbidden();
  authorize(auth, local, projectId);
  return projectId;
}
