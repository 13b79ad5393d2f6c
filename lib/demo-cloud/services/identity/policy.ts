import type { AuthInfo } from '../../core/auth';
import { forbidden } from '../../core/errors';

// Keystone's default policies, reduced to what the demo needs: "admin" means the admin role;
// users may read themselves, their projects and their application credentials.

export function enforce(rule: string, allowed: boolean): void {
  if (!allowed) throw forbidden(`You are not authorized to perform the requested action: ${rule}.`);
}

export const adminOnly = (rule: string, auth: AuthInfo) => enforce(rule, auth.isAdmin);

export const adminOrSelf = (rule: string, auth: AuthInfo, userId: string) =>
  enforce(rule, auth.isAdmin || auth.user.id === userId);
