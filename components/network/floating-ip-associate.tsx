'use client';
// Associating a floating IP: from the floating IP (pick the instance, then its port / fixed IP) and from the instance
// (pick a free address or allocate one from a pool, then the port / fixed IP when the instance has several).
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { SelectField } from '@/components/ui/field';
import { useResourceList } from '@/lib/resources/hooks';
import { associateCli, associateRequest, floatingIpCreateCli, floatingIpDefinition } from '@/lib/resources/network/floating-ip';
import { EdgeForm } from './edge-data';
import { useServerNames } from '@/lib/resources/compute/queries';
import { allocateFloatingIp, EDGE_CHANGES, NEUTRON, useExternalNetworks, usePorts, type Port } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

/** "port id|fixed ip" for each fixed IP of each port: the choice the API needs (port_id + fixed_ip_address). */
const targets = (ports: readonly Port[]) => ports.flatMap((p) => p.fixed_ips.filter((f) => !f.ip_address.includes(':')).map((f) => ({ value: `${p.id}|${f.ip_address}`, port: p, ip: f.ip_address })));

function TargetSelect({ ports, value, onChange, error }: { ports: readonly Port[]; value: string; onChange: (v: string) => void; error?: string }) {
  const list = targets(ports);
  if (list.length <= 1) return null;
  return (
    <SelectField label="Port and fixed IP" value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose the interface</option>
      {list.map((t) => (
        <option key={t.value} value={t.value}>
          {t.ip} on port {t.port.name || t.port.id.slice(0, 8)}
        </option>
      ))}
    </SelectField>
  );
}

/** The chosen (or only) port/fixed-IP pair; the fixed IP is sent only when the choice was needed. */
function resolveTarget(ports: readonly Port[], value: string): { portId: string; fixedIp?: string } | undefined {
  const list = targets(ports);
  if (list.length === 1) return { portId: list[0].port.id, fixedIp: ports.length === 1 && ports[0].fixed_ips.length === 1 ? undefined : list[0].ip };
  const t = list.find((x) => x.value === value);
  return t && { portId: t.port.id, fixedIp: t.ip };
}

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
        if (ports.data && targets(ports.data).length === 0) return setErrors({ server: 'This instance has no IPv4 address to translate to' });
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
        if (ports.data && targets(ports.data).length === 0) e.target = 'This instance has no IPv4 address to translate to';
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
      {errors.target && ports.data && targets(ports.data).length <= 1 && <p className="text-sm text-red-600 dark:text-red-400">{errors.target}</p>}
      {(fips.isError || ports.isError) && <ApiErrorNotice title="Could not load the floating IPs or ports" error={fips.error ?? ports.error} />}
    </EdgeForm>
  );
}
