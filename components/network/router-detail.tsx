'use client';

import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField } from '@/components/ui/field';
import { SubTable } from '@/components/resource/sub-list';
import { command } from '@/lib/resources/cli';
import { interfaceCli, interfaceRequest, ROUTER_INTERFACE_OWNERS, routerDefinition as def, setGatewayRequest, type Router } from '@/lib/resources/network/router';
import { EdgeForm, Explain } from './edge-data';
import { EDGE_CHANGES, NEUTRON, useExternalNetworks, usePorts, useProjectSubnets } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

export function RouterDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={() => (
        <Explain>
          The external gateway is the router&apos;s leg on an external network (its gateway IP); each interface is the router&apos;s address on one
          of your subnets, which instances there use as their default gateway.
        </Explain>
      )}
      extraActions={(r) => <RouterActions router={r} />}
      tabs={[{ id: 'interfaces', label: 'Interfaces', render: (r) => <Interfaces router={r} /> }]}
    />
  );
}

function RouterActions({ router }: { router: Router }) {
  const [open, setOpen] = useState<'gateway' | 'interface' | null>(null);
  const toggle = (o: 'gateway' | 'interface', label: string) => (
    <button type="button" className={buttonClass.secondary} aria-expanded={open === o} onClick={() => setOpen(open === o ? null : o)}>
      {label}
    </button>
  );
  return (
    <>
      {toggle('gateway', router.external_gateway_info ? 'Change gateway' : 'Set gateway')}
      {toggle('interface', 'Add interface')}
      <div className="basis-full">
        {open === 'gateway' && <GatewayForm router={router} onDone={() => setOpen(null)} />}
        {open === 'interface' && <AddInterfaceForm router={router} onDone={() => setOpen(null)} />}
      </div>
    </>
  );
}

function GatewayForm({ router, onDone }: { router: Router; onDone: () => void }) {
  const nets = useExternalNetworks();
  const [netId, setNetId] = useState(router.external_gateway_info?.network_id ?? '');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (n: string) => setGatewayRequest(router.id, n), { invalidates: EDGE_CHANGES, onDone });
  const name = nets.data?.find((n) => n.id === netId)?.name;
  return (
    <EdgeForm
      label="Set external gateway"
      explain="The router gets an address on this external network; instances behind it reach the outside through it (SNAT) and can get floating IPs from its pool."
      error={m.error}
      errorTitle="Gateway refused"
      cli={command('openstack', 'router', 'set', '--external-gateway', name ?? (netId || '<network>'), router.name || router.id)}
      submit="Set gateway"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!netId) return setError('Choose an external network');
        setError(undefined);
        m.mutate(netId);
      }}
    >
      <SelectField label="External network" value={netId} error={error} onChange={(e) => setNetId(e.target.value)} disabled={nets.isPending}>
        <option value="">{nets.isPending ? 'Loading networks…' : nets.data?.length ? 'Choose an external network' : 'No external network in this cloud'}</option>
        {(nets.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      {nets.isError && <ApiErrorNotice title="Could not load the networks" error={nets.error} />}
    </EdgeForm>
  );
}

function AddInterfaceForm({ router, onDone }: { router: Router; onDone: () => void }) {
  const subnets = useProjectSubnets();
  const [subnetId, setSubnetId] = useState('');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (s: string) => interfaceRequest(router.id, s, 'add'), { invalidates: EDGE_CHANGES, onDone });
  const chosen = subnets.data?.find((s) => s.id === subnetId);
  return (
    <EdgeForm
      label="Add router interface"
      explain="The router takes the subnet's gateway IP, so instances on that subnet route through it."
      error={m.error}
      errorTitle="Interface refused"
      cli={interfaceCli(router.name || router.id, chosen?.name || subnetId || '<subnet>', 'add')}
      submit="Add interface"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!subnetId) return setError('Choose a subnet');
        setError(undefined);
        m.mutate(subnetId);
      }}
    >
      <SelectField label="Subnet" value={subnetId} error={error} onChange={(e) => setSubnetId(e.target.value)} disabled={subnets.isPending}>
        <option value="">{subnets.isPending ? 'Loading subnets…' : subnets.data?.length ? 'Choose a subnet' : 'This project has no subnet'}</option>
        {(subnets.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name || s.id} ({s.cidr}{s.gateway_ip ? `, gateway ${s.gateway_ip}` : ', no gateway IP'})
          </option>
        ))}
      </SelectField>
      {subnets.isError && <ApiErrorNotice title="Could not load the subnets" error={subnets.error} />}
    </EdgeForm>
  );
}

function Interfaces({ router }: { router: Router }) {
  const ports = usePorts(`device_id=${encodeURIComponent(router.id)}`);
  const subnets = useProjectSubnets();
  const m = useOsMutation(NEUTRON, (s: string) => interfaceRequest(router.id, s, 'remove'), { invalidates: EDGE_CHANGES });
  const ifaces = (ports.data ?? []).filter((p) => ROUTER_INTERFACE_OWNERS.includes(p.device_owner ?? ''));
  const subnetName = (id?: string) => (id ? (subnets.data?.find((s) => s.id === id)?.name || id) : '');
  if (ports.isError) return <ApiErrorNotice title="Could not load the interfaces" error={ports.error} />;
  return (
    <div className="space-y-3">
      {m.isError && <ApiErrorNotice title="Remove refused" error={m.error} />}
      <SubTable
        label="Router interfaces"
        busy={ports.isPending}
        rows={ports.isPending ? undefined : ifaces}
        rowKey={(p) => p.id}
        empty="No interfaces: this router connects no subnet yet."
        columns={[
          { label: 'Subnet', cell: (p) => subnetName(p.fixed_ips[0]?.subnet_id) },
          { label: 'IP address', mono: true, cell: (p) => p.fixed_ips.map((f) => f.ip_address).join(', ') },
          { label: 'Port', mono: true, cell: (p) => p.id },
          { label: 'Status', cell: (p) => p.status ?? '' },
        ]}
        buttons={(p) => {
          const sub = p.fixed_ips[0]?.subnet_id;
          const name = subnetName(sub);
          return [!!sub && { label: `Remove interface on ${name}`, disabled: m.isPending, title: interfaceCli(router.name || router.id, name, 'remove'), onClick: () => m.mutate(sub) }];
        }}
      />
      <CliHint>{command('openstack', 'port', 'list', '--router', router.name || router.id)}</CliHint>
    </div>
  );
}
