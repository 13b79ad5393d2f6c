'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { InlineForm } from '@/components/resource/form-parts';
import { SubTable, useConfirmStep } from '@/components/resource/sub-list';
import { CheckboxesInput, useOptionLabels } from '@/components/resource/resource-form';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import type { ResourceAction } from '@/lib/resources/types';
import { networkDefinition as def, networkEditBody, networkEditCli, NetworkEditSchema, type Network } from '@/lib/resources/network/network';
import { canDeletePort, fixedIpList, ownerLabel, PORT_ACTIONS, portCreateBody, portCreateCli, portCreateSchema, PortSchema, portStatus, securityGroupsField, type Port, type PortValues } from '@/lib/resources/network/port';
import { emptySubnetValues, SUBNET_ACTIONS, subnetCreateCli, subnetCreateRequest, subnetCreateSchema, subnetEditBody, subnetEditCli, subnetEditSchema, subnetValues, type Subnet, type SubnetValues } from '@/lib/resources/network/subnet';
import { NETWORK_CHANGES, NEUTRON, useNetworkPorts, useNetworkSubnets, useVisibleCidrs } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { panel } from './form-bits';
import { suggestion, SubnetFields } from './subnet-fields';

type Open = 'edit' | 'subnet' | 'port' | null;

export function NetworkDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      extraActions={(n) => <ExtraActions network={n} />}
      tabs={[
        { id: 'subnets', label: 'Subnets', render: (n) => <SubnetsTab network={n} /> },
        { id: 'ports', label: 'Ports', render: (n) => <PortsTab network={n} /> },
      ]}
    />
  );
}

function ExtraActions({ network }: { network: Network }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const toggle = (o: Exclude<Open, null>, label: string, cli: string) => (
    <button type="button" className={buttonClass.secondary} aria-expanded={open === o} title={cli} onClick={() => setOpen(open === o ? null : o)}>
      {label}
    </button>
  );
  return (
    <>
      {toggle('edit', 'Edit', `openstack network set --name <name> ${network.id}`)}
      {toggle('subnet', 'Add subnet', `openstack subnet create --network ${network.id} --subnet-range <cidr> <name>`)}
      {toggle('port', 'Create port', `openstack port create --network ${network.id} <name>`)}
      <div className="basis-full">
        {open === 'edit' && <EditNetworkForm network={network} onDone={close} />}
        {open === 'subnet' && <SubnetForm network={network} onDone={close} />}
        {open === 'port' && <PortCreateForm network={network} onDone={close} />}
      </div>
    </>
  );
}

function EditNetworkForm({ network, onDone }: { network: Network; onDone: () => void }) {
  const form = useZodForm(NetworkEditSchema, { name: network.name, description: network.description ?? '', adminStateUp: network.admin_state_up });
  const v = form.values;
  const m = useOsMutation(NEUTRON, (i: typeof v) => ({ method: 'PUT', path: `v2.0/networks/${network.id}`, body: networkEditBody(network, i) }), { invalidates: NETWORK_CHANGES, onDone });
  return (
    <InlineForm label="Edit network" className={panel} onSubmit={form.submit((input) => m.mutate(input))} error={m.error} errorTitle="Update refused" cli={networkEditCli(network, v)} submit="Save" pending={m.isPending} onCancel={onDone}>
      <TextField label="Network name" {...form.field('name')} />
      <TextAreaField label="Network description" rows={2} {...form.field('description')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
        Admin state up (off: the network forwards no traffic)
      </label>
    </InlineForm>
  );
}

/** Add a subnet to the network, or edit one of its subnets (`subnet` given). */
function SubnetForm({ network, subnet, onDone }: { network: Network; subnet?: Subnet; onDone: () => void }) {
  const subnets = useNetworkSubnets(network.id);
  const visible = useVisibleCidrs();
  const own = (subnets.data?.subnets ?? []).map((s) => s.cidr);
  const taken = [...new Set([...own, ...visible])];
  // Until the user edits, a suggested free range and name (they fill in once the existing CIDRs are known).
  const orSuggested = (values: SubnetValues | null) => values ?? { ...emptySubnetValues(suggestion('4', taken)), name: `${network.name || 'net'}-subnet-${own.length + 1}` };
  const create = useOsMutation(NEUTRON, (i: ReturnType<ReturnType<typeof subnetCreateSchema>['parse']>) => (subnet ? { method: 'PUT', path: `v2.0/subnets/${subnet.id}`, body: subnetEditBody(subnet, i) } : subnetCreateRequest(network.id, i)), { invalidates: NETWORK_CHANGES, onDone });
  // Overlap is checked against this network's subnets only: Neutron allows the same range on another network.
  const schema = subnet ? subnetEditSchema() : subnetCreateSchema(own);
  const form = useZodForm(schema, subnet ? subnetValues(subnet) : null, { input: orSuggested });
  const { parsed } = form;
  const v = orSuggested(form.values);
  return (
    <InlineForm
      label={subnet ? 'Edit subnet' : 'Add subnet'}
      className={panel}
      onSubmit={form.submit((input) => create.mutate(input))}
      error={create.error}
      errorTitle={subnet ? 'Update refused' : 'The cloud refused the subnet'}
      cli={subnet ? (parsed.success ? subnetEditCli(subnet, parsed.data) : `openstack subnet set … ${subnet.id}`) : subnetCreateCli(network.name || network.id, v)}
      submit={subnet ? 'Save subnet' : 'Create subnet'}
      pending={create.isPending}
      onCancel={onDone}
    >
      <h2 className="text-base font-semibold">{subnet ? `Edit subnet ${subnet.name || subnet.cidr}` : `Add a subnet to ${network.name || network.id}`}</h2>
      <SubnetFields values={v} errors={form.errors} taken={taken} editing={!!subnet} onChange={form.setValues} />
    </InlineForm>
  );
}

/** A delete with the definition's confirmation, refetching networks, subnets and ports afterwards. */
function useConfirmedDelete<T>(action: ResourceAction<T>, label: (r: T) => string) {
  const m = useOsMutation(NEUTRON, (r: T) => action.request(r), { invalidates: NETWORK_CHANGES });
  const confirm = useConfirmStep<T>(
    (_, r, close) => {
      close();
      m.mutate(r);
    },
    { items: label },
  );
  const ask = (r: T) => {
    m.reset();
    confirm.ask(action, r);
  };
  return { ask, dialog: confirm.dialog, error: m.error, isError: m.isError };
}

function SubnetsTab({ network }: { network: Network }) {
  const q = useNetworkSubnets(network.id);
  const [editing, setEditing] = useState<string | null>(null);
  const del = useConfirmedDelete(SUBNET_ACTIONS[0], (s: Subnet) => s.name || s.cidr);
  if (q.isError) return <ApiErrorNotice title="Could not load the subnets" error={q.error} />;
  const rows = q.data?.subnets ?? [];
  const current = rows.find((s) => s.id === editing);
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Each subnet is an IP range on this network. A port gets one address from a subnet; a network can carry an IPv4 and an IPv6 subnet side by side.</p>
      {del.isError && <ApiErrorNotice title="Delete refused" error={del.error} />}
      <SubTable
        label="Subnets of this network"
        busy={q.isPending}
        rows={q.data && rows}
        rowKey={(s) => s.id}
        empty="No subnets yet: ports on this network get no address until you add one."
        columns={[
          { label: 'Name', cell: (s) => s.name || s.id },
          { label: 'CIDR', mono: true, cell: (s) => s.cidr },
          { label: 'IP version', cell: (s) => `IPv${s.ip_version}${s.ip_version === 6 && (s.ipv6_address_mode || s.ipv6_ra_mode) ? ` (${[s.ipv6_address_mode, s.ipv6_ra_mode].filter(Boolean).join(' / ')})` : ''}` },
          { label: 'Gateway', mono: true, cell: (s) => s.gateway_ip ?? 'none' },
          { label: 'DHCP', cell: (s) => (s.enable_dhcp ? 'On' : 'Off') },
          { label: 'Allocation pools', mono: true, cell: (s) => s.allocation_pools.map((p) => `${p.start}-${p.end}`).join(', ') },
          { label: 'DNS', mono: true, cell: (s) => s.dns_nameservers.join(', ') },
        ]}
        buttons={(s) => [
          { label: 'Edit', ariaLabel: `Edit subnet ${s.name || s.cidr}`, onClick: () => setEditing(editing === s.id ? null : s.id) },
          { label: 'Delete', danger: true, ariaLabel: `Delete subnet ${s.name || s.cidr}`, title: SUBNET_ACTIONS[0].cli(s), onClick: () => del.ask(s) },
        ]}
      />
      {current && <SubnetForm key={current.id} network={network} subnet={current} onDone={() => setEditing(null)} />}
      {del.dialog}
    </div>
  );
}

function PortsTab({ network }: { network: Network }) {
  const href = useResourceHref();
  const q = useNetworkPorts(network.id);
  const del = useConfirmedDelete(PORT_ACTIONS[0], (p: Port) => p.name || p.id);
  if (q.isError) return <ApiErrorNotice title="Could not load the ports" error={q.error} />;
  const rows = q.data?.ports ?? [];
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Ports are the plugs on this network: each instance interface, router interface and DHCP server holds one, with a MAC address and fixed IPs. The network cannot be deleted
        while ports other than DHCP are on it.{' '}
        <Link href={href('ports', '', `network_id=${network.id}`)} className="text-brand-700 hover:underline dark:text-brand-300">
          Open in the ports list
        </Link>
      </p>
      {del.isError && <ApiErrorNotice title="Delete refused" error={del.error} />}
      <SubTable
        label="Ports on this network"
        busy={q.isPending}
        rows={q.data && rows}
        rowKey={(p) => p.id}
        empty="No ports on this network."
        columns={[
          { label: 'Name', link: (p) => ({ slug: 'ports', id: p.id }), cell: (p) => p.name || p.id.slice(0, 8) },
          { label: 'Fixed IPs', mono: true, cell: (p) => fixedIpList(p).join(', ') },
          { label: 'MAC address', mono: true, cell: (p) => p.mac_address ?? '' },
          { label: 'Attached to', cell: (p) => ownerLabel(p.device_owner) },
          { label: 'Status', cell: (p) => <StatusBadge status={portStatus(p)} /> },
        ]}
        buttons={(p) => [canDeletePort(p) && { label: 'Delete', danger: true, ariaLabel: `Delete port ${p.name || p.id}`, title: PORT_ACTIONS[0].cli(p), onClick: () => del.ask(p) }]}
      />
      {del.dialog}
    </div>
  );
}

const EMPTY_PORT: PortValues = { name: '', description: '', subnetId: '', ipAddress: '', securityGroups: [] };
const PORT_GROUPS = { ...securityGroupsField, hint: 'None chosen: Neutron applies the project\'s default group.' };

/** The network page's "Create port": a port on this network, from one of its subnets. */
function PortCreateForm({ network, onDone }: { network: Network; onDone: () => void }) {
  const href = useResourceHref();
  const subnets = useNetworkSubnets(network.id);
  const names = useOptionLabels([PORT_GROUPS]);
  const list = subnets.data?.subnets ?? [];
  const form = useZodForm(portCreateSchema(list), EMPTY_PORT);
  const { values: v, field } = form;
  const m = useOsMutation(NEUTRON, (i: PortValues) => ({ method: 'POST', path: 'v2.0/ports', body: portCreateBody(network.id, i) }), { invalidates: NETWORK_CHANGES });
  const created = PortSchema.safeParse((m.data as { port?: unknown } | undefined)?.port);
  if (created.success) {
    return (
      <div role="status" className={panel}>
        <p className="text-sm">
          Port{' '}
          <Link href={href('ports', created.data.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            {created.data.name || created.data.id}
          </Link>{' '}
          created with {created.data.fixed_ips.map((f) => f.ip_address).join(', ') || 'no address'}.
        </p>
        <button type="button" className="text-sm text-brand-700 hover:underline dark:text-brand-300" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  return (
    <InlineForm
      label="Create port"
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle="The cloud refused the port"
      cli={portCreateCli(network.name || network.id, v, names)}
      submit="Create port"
      pending={m.isPending}
      onCancel={onDone}
    >
      <h2 className="text-base font-semibold">Create a port on {network.name || network.id}</h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">A port reserves a MAC address and an IP on this network; attach it to an instance later (launch on it, or add it as an interface).</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Port name" {...field('name')} autoComplete="off" />
        <TextField label="Port description" {...field('description')} />
        <SelectField label="Subnet" {...field('subnetId')}>
          <option value="">Any (Neutron chooses)</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id} ({s.cidr})
            </option>
          ))}
        </SelectField>
        <TextField
          label="Fixed IP address"
          {...field('ipAddress')}
          autoComplete="off"
          placeholder="Next free address"
          hint="Optional: a specific address inside the chosen subnet (it may be outside the allocation pools)."
        />
      </div>
      <CheckboxesInput field={PORT_GROUPS} value={v.securityGroups} onChange={(securityGroups) => form.set('securityGroups', securityGroups)} />
    </InlineForm>
  );
}
