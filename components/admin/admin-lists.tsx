'use client';
// The admin pages: the generic list over the admin definitions, each with what is special about it.

import { ResourceList } from '@/components/resource/resource-list';
import { allInstancesDefinition, computeServiceDefinition, HYPERVISOR_MICROVERSION, hypervisorDefinition } from '@/lib/resources/admin/compute';
import { projectAdminDefinition, userAdminDefinition } from '@/lib/resources/admin/identity';
import { CliHint } from '@/components/ui/cli-hint';

const note = 'rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';

export function HypervisorsList() {
  return (
    <ResourceList
      def={hypervisorDefinition}
      notice={
        <div className="space-y-2">
          <p className={note}>
            Usage comes from Nova microversion {HYPERVISOR_MICROVERSION}, the last one that reports it: 2.88 removed vCPU, RAM and disk usage from
            os-hypervisors in favour of the Placement service.
          </p>
          <CliHint>{hypervisorDefinition.cli.list}</CliHint>
        </div>
      }
    />
  );
}

export function ComputeServicesList() {
  return <ResourceList def={computeServiceDefinition} notice={<CliHint>{computeServiceDefinition.cli.list}</CliHint>} />;
}

export function AllInstancesList() {
  return <ResourceList def={allInstancesDefinition} notice={<CliHint>{allInstancesDefinition.cli.list}</CliHint>} />;
}

export function ProjectsAdminList() {
  return <ResourceList def={projectAdminDefinition} notice={<CliHint>{projectAdminDefinition.cli.list}</CliHint>} />;
}

export function UsersAdminList() {
  return <ResourceList def={userAdminDefinition} notice={<CliHint>{userAdminDefinition.cli.list}</CliHint>} />;
}
