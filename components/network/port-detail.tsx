'use client';

import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { portDefinition, portSecurityGroupsBody, portSecurityGroupsCli, type Port } from '@/lib/resources/network/port';
import { NETWORK_CHANGES, NEUTRON } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { FormButtons } from '@/components/ui/form-buttons';
import { panel } from './form-bits';
import { SecurityGroupPicker, useGroupNames } from './port-create';

export function PortDetail({ id }: { id: string }) {
  return <ResourceDetail def={portDefinition} id={id} extraActions={(p) => <GroupsAction port={p} />} />;
}

function GroupsAction({ port }: { port: Port }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open} title={`openstack port set --no-security-group --security-group <group> ${port.id}`} onClick={() => setOpen(!open)}>
        Edit security groups
      </button>
      <div className="basis-full">{open && <GroupsForm key={port.security_groups.join(',')} port={port} onDone={() => setOpen(false)} />}</div>
    </>
  );
}

function GroupsForm({ port, onDone }: { port: Port; onDone: () => void }) {
  const names = useGroupNames();
  const [ids, setIds] = useState<string[]>(port.security_groups);
  const m = useOsMutation(NEUTRON, (next: string[]) => ({ method: 'PUT', path: `v2.0/ports/${port.id}`, body: portSecurityGroupsBody(next) }), { invalidates: NETWORK_CHANGES, onDone });
  return (
    <form
      noValidate
      aria-label="Edit security groups"
      className={panel}
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(ids);
      }}
    >
      <SecurityGroupPicker
        value={ids}
        onChange={setIds}
        hint="Security groups are firewalls on this port: traffic is allowed only by their rules (together). None: all inbound traffic is dropped unless port security is off."
      />
      {port.port_security_enabled === false && <p className="text-xs text-amber-800 dark:text-amber-200">Port security is off on this port: Neutron refuses security groups until it is enabled.</p>}
      {m.isError && <ApiErrorNotice title="Update refused" error={m.error} />}
      <CliHint>{portSecurityGroupsCli(port, ids, names)}</CliHint>
      <FormButtons submit="Save security groups" pending={m.isPending} onCancel={onDone} />
    </form>
  );
}
