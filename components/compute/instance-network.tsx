'use client';
// The instance page's network parts: associate a floating IP (pick a free address or allocate one from a pool, then
// the port / fixed IP when the instance has several) or disassociate one, and the instance's security groups (Nova's
// addSecurityGroup / removeSecurityGroup apply a group to every port), and from a floating IP: associate it with an
// instance chosen from the list.
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField } from '@/components/ui/field';
import { SubTable } from '@/components/resource/sub-list';
import { useResourceList } from '@/lib/resources/hooks';
import { associateCli, associateRequest, associateTargets, disassociateCli, disassociateRequest, floatingIpCreateCli, floatingIpDefinition, resolveTarget, type FloatingIp } from '@/lib/resources/network/floating-ip';
import { securityGroupDefinition, serverGroupCli, serverGroupRequest } from '@/lib/resources/network/security-group';
import { EdgeForm, Explain, TargetSelect } from '@/components/network/edge-data';
import { NOVA, useServerNames } from '@/lib/resources/compute/queries';
import { allocateFloatingIp, EDGE_CHANGES, NEUTRON, useExternalNetworks, usePorts, useServerFloatingIps } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

/** Buttons (and their forms) for the instance page's action bar. `?fip=associate` opens the form (from the list's row menu). */
export function InstanceFloatingIpActions({ server }: { server: { id: string; name: string } }) {
  const search = useSearchParams();
  const [open, setOpen] = useState<'associate' | 'disassociate' | null>(search.get('fip') === 'associate' ? 'associate' : null);
  const fips = useServerFloatingIps(server.id);
  const attached = fips.data ?? [];
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open === 'associate'} onClick={() => setOpen(open === 'associate' ? null : 'associate')}>
        Associate floating IP
      </button>
      {attached.length > 0 && (
        <button type="button" className={buttonClass.secondary} aria-expanded={open === 'disassociate'} onClick={() => setOpen(open === 'disassociate' ? null : 'disassociate')}>
          Disassociate floating IP
        </button>
      )}
      <div className="basis-full">
        {open === 'associate' && <AssociateFromInstanceForm server={server} onDone={() => setOpen(null)} />}
        {open === 'disassociate' && <DisassociateForm fips={attached} onDone={() => setOpen(null)} />}
      </div>
    </>
  );
}

function DisassociateForm({ fips, onDone }: { fips: readonly FloatingIp[]; onDone: () => void }) {
  const [id, setId] = useState(fips.length === 1 ? fips[0].id : '');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (fid: string) => disassociateRequest(fid), { invalidates: EDGE_CHANGES, onDone });
  const chosen = fips.find((f) => f.id === id);
  return (
    <EdgeForm
      label="Disassociate floating IP"
      explain="The address stays allocated to your project (release it from the floating IPs page); the instance is no longer reachable through it."
      error={m.error}
      errorTitle="Disassociation refused"
      cli={disassociateCli(chosen?.floating_ip_address ?? '<address>')}
      submit="Disassociate"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!id) return setError('Choose the floating IP');
        setError(undefined);
        m.mutate(id);
      }}
    >
      <SelectField label="Floating IP to disassociate" value={id} error={error} onChange={(e) => setId(e.target.value)}>
        {fips.length > 1 && <option value="">Choose a floating IP</option>}
        {fips.map((f) => (
          <option key={f.id} value={f.id}>
            {f.floating_ip_address} → {f.fixed_ip_address}
          </option>
        ))}
      </SelectField>
    </EdgeForm>
  );
}

/** The instance's security groups tab: the groups on its ports (from Neutron, current at once), add one, remove one. */
export function InstanceSecurityGroups({ server }: { server: { id: string; name: string } }) {
  const all = useResourceList(securityGroupDefinition, { filters: {} });
  const ports = usePorts(`device_id=${encodeURIComponent(server.id)}`);
  const names = Object.fromEntries((all.data?.items ?? []).map((g) => [g.id, g.name]));
  const ids = [...new Set((ports.data ?? []).flatMap((p) => p.security_groups))];
  const current = { isPending: ports.isPending, isError: ports.isError, error: ports.error, data: ports.data && ids.map((id) => ({ id, name: names[id] ?? id })) };
  const [groupId, setGroupId] = useState('');
  const [error, setError] = useState<string>();
  const add = useOsMutation(NOVA, (g: string) => serverGroupRequest(server.id, g, 'add'), { invalidates: EDGE_CHANGES, onDone: () => setGroupId('') });
  const remove = useOsMutation(NOVA, (g: string) => serverGroupRequest(server.id, g, 'remove'), { invalidates: EDGE_CHANGES });
  const have = new Set(ids);
  const options = (all.data?.items ?? []).filter((g) => !have.has(g.id));
  const chosen = options.find((g) => g.id === groupId);
  return (
    <div className="space-y-4">
      <Explain>Security groups are the instance&apos;s firewall: a group added here applies to every network interface (port) of the instance.</Explain>
      {current.isError && <ApiErrorNotice title="Could not load the instance's security groups" error={current.error} />}
      {remove.isError && <ApiErrorNotice title="Remove refused" error={remove.error} />}
      <SubTable
        label="Instance security groups"
        busy={current.isPending}
        rows={current.data}
        rowKey={(g) => g.id}
        empty="No security group: all traffic to this instance is dropped unless port security is off."
        columns={[{ label: 'Group', cell: (g) => g.name }]}
        buttons={(g) => [{ label: `Remove ${g.name}`, disabled: remove.isPending, title: serverGroupCli(server.name, g.name, 'remove'), onClick: () => remove.mutate(g.id) }]}
      />
      <EdgeForm
        label="Add security group"
        error={add.error}
        errorTitle="Add refused"
        cli={serverGroupCli(server.name, chosen?.name ?? '<group>', 'add')}
        submit="Add security group"
        pending={add.isPending}
        onSubmit={() => {
          if (!groupId) return setError('Choose a security group');
          setError(undefined);
          add.mutate(groupId);
        }}
      >
        <SelectField label="Security group to add" value={groupId} error={error} onChange={(e) => setGroupId(e.target.value)} disabled={all.isPending}>
          <option value="">{options.length ? 'Choose a security group' : 'Every group is already on this instance'}</option>
          {options.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </EdgeForm>
      <CliHint>{`openstack server show -c security_groups ${server.id}`}</CliHint>
    </div>
  );
}

const NEW = 'new';

export function AssociateFromInstanceForm({ server, onDone }: { server: { id: string; name: string }; onDone: () => void }) {
  const fips = useResourceList(floatingIpDefinition, { filters: {} });
  const pools = useExternalNetworks();
  const ports = usePorts(`device_id=${encodeURIComponent(server.id)}`);
  const free = (fips.data?.items ?? []).filter((f) => !f.port_id);
  const [fipId, setFipId] = useState('');
  const [poolId, setPoolId] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pick = fipId || (free.length ? '' : NEW);
  const pool = poolId || (pools.data?.length === 1 ? pools.data[0].id : '');
  const chosen = ports.data ? resolveTarget(ports.data, target) : undefined;
  const m = useOsMutation(
    NEUTRON,
    async (v: { fip: string; pool: string; portId: string; fixedIp?: string }) => {
      let id = v.fip;
      if (id === NEW) {
        // Allocate, then associate: two calls, so a refused association still leaves the address allocated (and listed).
        id = await allocateFloatingIp(v.pool);
      }
      return associateRequest(id, v.portId, v.fixedIp);
    },
    { invalidates: EDGE_CHANGES, onDone },
  );
  const address = free.find((f) => f.id === pick)?.floating_ip_address;
  const poolName = pools.data?.find((p) => p.id === pool)?.name;
  const cli = pick === NEW
    ? `${floatingIpCreateCli({ networkId: pool }, poolName)}; ${associateCli('<new address>', chosen?.portId ?? '<port>', chosen?.fixedIp)}`
    : associateCli(address ?? '<address>', chosen?.portId ?? '<port>', chosen?.fixedIp);
  return (
    <EdgeForm
      label="Associate floating IP"
      explain="A floating IP is a public address from an external network's pool; the router translates it to this instance's fixed IP. The instance's subnet must be connected to a router with a gateway on that network."
      error={m.error}
      errorTitle="Association refused"
      cli={cli}
      submit="Associate"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const e: Record<string, string> = {};
        if (!pick) e.fip = 'Choose a floating IP or allocate a new one';
        if (pick === NEW && !pool) e.pool = 'Choose the pool to allocate from';
        if (ports.data && associateTargets(ports.data).length === 0) e.target = 'This instance has no IPv4 address to translate to';
        else if (!chosen) e.target = 'Choose the port and fixed IP';
        setErrors(e);
        if (Object.keys(e).length || !chosen) return;
        m.mutate({ fip: pick, pool, ...chosen });
      }}
    >
      <SelectField label="Floating IP" value={pick} error={errors.fip} onChange={(e) => setFipId(e.target.value)} disabled={fips.isPending}>
        {free.length > 0 && <option value="">Choose a floating IP</option>}
        {free.map((f) => (
          <option key={f.id} value={f.id}>
            {f.floating_ip_address}
          </option>
        ))}
        <option value={NEW}>Allocate a new one</option>
      </SelectField>
      {pick === NEW && (
        <SelectField label="Pool" value={pool} error={errors.pool} onChange={(e) => setPoolId(e.target.value)} disabled={pools.isPending}>
          <option value="">Choose an external network</option>
          {(pools.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      )}
      {ports.data && <TargetSelect ports={ports.data} value={target} onChange={setTarget} error={errors.target} />}
      {errors.target && ports.data && associateTargets(ports.data).length <= 1 && <p className="text-sm text-red-600 dark:text-red-400">{errors.target}</p>}
      {(fips.isError || ports.isError) && <ApiErrorNotice title="Could not load the floating IPs or ports" error={fips.error ?? ports.error} />}
    </EdgeForm>
  );
}

/**
 * Associate a floating IP with an instance chosen here, then its port / fixed IP when it has several: the floating IP
 * page's "Associate" opens the instances list with `?associate-fip=<id>`, which shows this form above the list.
 */
export function AssociateToInstanceForm({ fip, onDone }: { fip: { id: string; floating_ip_address: string }; onDone: () => void }) {
  const servers = useServerNames();
  const [serverId, setServerId] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ports = usePorts(`device_id=${encodeURIComponent(serverId)}`, !!serverId);
  const m = useOsMutation(NEUTRON, (t: { portId: string; fixedIp?: string }) => associateRequest(fip.id, t.portId, t.fixedIp), { invalidates: EDGE_CHANGES, onDone });
  const chosen = ports.data ? resolveTarget(ports.data, target) : undefined;
  return (
    <EdgeForm
      label="Associate floating IP"
      explain={`Traffic to ${fip.floating_ip_address} will reach the instance's fixed (private) IP, translated by the router between the pool network and the instance's subnet.`}
      error={m.error}
      errorTitle="Association refused"
      cli={associateCli(fip.floating_ip_address, chosen?.portId ?? '<port>', chosen?.fixedIp)}
      submit="Associate"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!serverId) return setErrors({ server: 'Choose an instance' });
        if (ports.data && associateTargets(ports.data).length === 0) return setErrors({ server: 'This instance has no IPv4 address to translate to' });
        if (!chosen) return setErrors({ target: 'Choose the port and fixed IP' });
        setErrors({});
        m.mutate(chosen);
      }}
    >
      <SelectField label="Instance" value={serverId} error={errors.server} onChange={(e) => { setServerId(e.target.value); setTarget(''); }} disabled={servers.isPending}>
        <option value="">{servers.isPending ? 'Loading instances…' : 'Choose an instance'}</option>
        {(servers.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.status})
          </option>
        ))}
      </SelectField>
      {ports.data && <TargetSelect ports={ports.data} value={target} onChange={setTarget} error={errors.target} />}
      {(servers.isError || ports.isError) && <ApiErrorNotice title="Could not load the instances or their ports" error={servers.error ?? ports.error} />}
    </EdgeForm>
  );
}
