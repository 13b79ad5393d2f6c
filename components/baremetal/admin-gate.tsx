'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useIsAdmin } from '@/components/shell/session-context';
import { projectHref } from '@/lib/resources/registry';
import { useProjectScope } from '@/lib/resources/hooks';

/** Ironic's default policy is role:admin for nodes, ports and drivers: members get a clear page, not a 403 dump. */
export function BaremetalAdminGate({ children }: { children: ReactNode }) {
  const isAdmin = useIsAdmin();
  const { cloud, projectId, region } = useProjectScope();
  if (isAdmin) return <>{children}</>;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Bare metal requires the admin role</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Ironic lets only administrators enroll, list and manage bare-metal nodes. Your role in this project does not include <code>admin</code>. Ask your
        cloud operator, or switch to a project where you are an administrator.
      </p>
      <Link href={projectHref(cloud, projectId, region)} className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        Back to the overview
      </Link>
    </div>
  );
}
