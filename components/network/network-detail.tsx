'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { CheckboxesInput, useOptionLabels } from '@/components/resource/resource-form';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { tableClass } from '@/components/ui/table';
import { useResourceHref } from '@/lib/resources/hooks';
import type { ResourceAction } from '@/lib/resources/types';
import { networkDefinition as def, networkEditBody, networkEditCli, NetworkEditSchema, type Network } from '@/lib/resources/network/network';
import { canDeletePort, fixedIpList, ownerLabel, PORT_ACTIONS, portCreateBody, portCreateCli, portCreateSchema, PortSchema, portStatus, securityGroupsField, type Port, type PortValues } from '@/lib/resources/network/port';
import { emptySubnetValues, SUBNET_ACTIONS, subnetCreateCli, subnetCreateRequest, subnetCreateSchema, subnetEditBody, subnetEditCli, subnetEditSchema, subnetValues, type Subnet, type SubnetValues } from '@/lib/resources/network/subnet';
import { NETWORK_CHANGES, NEUTRON, useNetworkPorts, useNetworkSubnets, useVisibleCidrs } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { FormButtons } from '@/components/ui/form-buttons';
import { panel } from './form-bits';
import { suggestion, SubnetFields } from './subnet-fields';

const { table, th, td, box } = tableClass;
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
    <form noValidate aria-label="Edit network" className={panel} onSubmit={form.submit((input) => m.mutate(input))}>
      <TextField label="Network name" {...form.field('name')} />
      <TextAreaField label="Network description" rows={2} {...form.field('description')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
        Admin state up (off: the network forwards no traffic)
      </label>
      {m.isError && <ApiErrorNotice title="Update refused" error={m.error} />}
      <CliHint>{networkEditCli(network, v)}</CliHint>
      <FormButtons submit="Save" pending={m.isPending} onCancel={onDone} />
    </form>
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
    <form noValidate aria-label={subnet ? 'Edit subnet' : 'Add subnet'} className={panel} onSubmit={form.submit((input) => create.mutate(input))}>
      <h2 className="text-base font-semibold">{subnet ? `Edit subnet ${subnet.name || subnet.cidr}` : `Add a subnet to ${network.name || network.id}`}</h2>
      <SubnetFields values={v} errors={form.errors} taken={taken} editing={!!subnet} onChange={form.setValues} />
      {create.isError && <ApiErrorNotice title={subnet ? 'Update refused' : 'The cloud refused the subnet'} error={create.error} />}
      <CliHint>{subnet ? (parsed.success ? subnetEditCli(subnet, parsed.data) : `openstack subnet set … ${subnet.id}`) : subnetCreateCli(network.name || network.id, v)}</CliHint>
      <FormButtons submit={subnet ? 'Save subnet' : 'Create subnet'} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}

/** A delete with the definition's confirmation, refetching networks, subnets and ports afterwards. */
function useConfirmedDelete<T>(action: ResourceAction<T>, label: (r: T) => string) {
  const [target, setTarget] = useState<T | null>(null);
  const m = useOsMutation(NEUTRON, (r: T) => action.request(r), { invalidates: NETWORK_CHANGES });
  const dialog: ReactNode = (
    <ConfirmDialog
      open={!!target}
      title={target ? (action.confirm?.title([target]) ?? 'Delete?') : ''}
      body={target ? (action.confirm?.body([target]) ?? '') : ''}
      items={target ? [label(target)] : undefined}
      confirmLabel="Delete"
      destructive
      cli={target ? action.cli(target) : undefined}
      onConfirm={() => {
        if (target) m.mutate(target);
        setTarget(null);
      }}
      onCancel={() => setTarget(null)}
    />
  );
  const ask = (r: T) => {
    m.reset();
    setTarget(r);
  };
  return { ask, dialog, error: m.error, isError: m.isError };
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
      <div className={box}>
        <table className={table} aria-label="Subnets of this network" aria-busy={q.isPending}>
          <thead>
            <tr>
              <th className={th}>Name</th>
              <th className={th}>CIDR</th>
              <th className={th}>IP version</th>
              <th className={th}>Gateway</th>
              <th className={th}>DHCP</th>
              <th className={th}>Allocation pools</th>
              <th className={th}>DNS</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {q.data && rows.length === 0 && (
              <tr>
                <td className={td} colSpan={8}>
                  No subnets yet: ports on this network get no address until you add one.
                </td>
              </tr>
            )}
            {rows.map((s) => (
              <tr key={s.id}>
                <td className={td}>{s.name || s.id}</td>
                <td className={`${td} font-mono text-xs`}>{s.cidr}</td>
                <td className={td}>
                  IPv{s.ip_version}
                  {s.ip_version === 6 && (s.ipv6_address_mode || s.ipv6_ra_mode) ? ` (${[s.ipv6_address_mode, s.ipv6_ra_mode].filter(Boolean).join(' / ')})` : ''}
                </td>
                <td className={`${td} font-mono text-xs`}>{s.gateway_ip ?? 'none'}</td>
                <td className={td}>{s.enable_dhcp ? 'On' : 'Off'}</td>
                <td className={`${td} font-mono text-xs`}>{s.allocation_pools.map((p) => `${p.start}-${p.end}`).join(', ')}</td>
                <td className={`${td} font-mono text-xs`}>{s.dns_nameservers.join(', ')}</td>
                <td className={`${td} whitespace-nowrap`}>
                  <button type="button" className="text-brand-700 hover:underline dark:text-brand-300" aria-label={`Edit subnet ${s.name || s.cidr}`} onClick={() => setEditing(editing === s.id ? null : s.id)}>
                    Edit
                  </button>{' '}
                  <button type="button" className="ml-2 text-red-700 hover:underline dark:text-red-300" aria-label={`Delete subnet ${s.name || s.cidr}`} title={SUBNET_ACTIONS[0].cli(s)} onClick={() => del.ask(s)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
      <div className={box}>
        <table className={table} aria-label="Ports on this network" aria-busy={q.isPending}>
          <thead>
            <tr>
              <th className={th}>Name</th>
              <th className={th}>Fixed IPs</th>
              <th className={th}>MAC address</th>
              <th className={th}>Attached to</th>
              <th className={th}>Status</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {q.data && rows.length === 0 && (
              <tr>
                <td className={td} colSpan={6}>
                  No ports on this network.
                </td>
              </tr>
            )}
            {rows.map((p) => (
              <tr key={p.id}>
                <td className={td}>
                  <Link href={href('ports', p.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {p.name || p.id.slice(0, 8)}
                  </Link>
                </td>
                <td className={`${td} font-mono text-xs`}>{fixedIpList(p).join(', ')}</td>
                <td className={`${td} font-mono text-xs`}>{p.mac_address ?? ''}</td>
                <td className={td}>{ownerLabel(p.device_owner)}</td>
                <td className={td}>
                  <StatusBadge status={portStatus(p)} />
                </td>
                <td className={td}>
                  {canDeletePort(p) && (
                    <button type="button" className="text-red-700 hover:underline dark:text-red-300" aria-label={`Delete port ${p.name || p.id}`} title={PORT_ACTIONS[0].cli(p)} onClick={() => del.ask(p)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
    <form
      noValidate
      aria-label="Create port"
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
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
      {m.isError && <ApiErrorNotice title="The cloud refused the port" error={m.error} />}
      <CliHint>{portCreateCli(network.name || network.id, v, names)}</CliHint>
      <FormButtons submit="Create port" pending={m.isPending} onCancel={onDone} />
    </form>
  );
}
