'use client';
// The instance page's network parts: associate a floating IP (pick a free address or allocate one from a pool, then
// the port / fixed IP when the instance has several) or disassociate one, and the instance's security groups (Nova's
// addSecurityGroup / removeSecurityGroup apply a group to every port), and from a floating IP: associate it with an
// instance chosen from the list.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { CliHint } from '@/components/ui/cli-hint';
import { command } from '@/lib/resources/cli';
import { SelectField } from '@/components/ui/field';
import { SubTable } from '@/components/resource/sub-list';
import { useResourceList } from '@/lib/resources/hooks';
import { associateCli, associateRequest, associateTargets, disassociateCli, disassociateRequest, floatingIpCreateCli, floatingIpDefinition, resolveTarget, type FloatingIp } from '@/lib/resources/network/floating-ip';
import { securityGroupDefinition, serverGroupCli, serverGroupRequest } from '@/lib/resources/network/security-group';
import { EdgeForm, Explain, TargetSelect } from '@/components/network/edge-data';
import { AssociateFloatingIpForm, NotReachableNotice } from '@/components/network/floating-ip-associate';
import { unreachableError } from '@/lib/resources/network/reachability';
import { NOVA } from '@/lib/resources/compute/queries';
import { serverDefinition, type Server } from '@/lib/resources/compute/server';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';
import { allocateFloatingIp, EDGE_CHANGES, NEUTRON, useExternalNetworks, usePorts, useServerFloatingIps } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

/**
 * Buttons for the instance page's toolbar, their forms below its row. The list's row menu opens the associate form
 * with `?open=associate-fip`.
 */
export function InstanceFloatingIpActions({ server }: { server: Server }) {
  const t = useTranslations('compute.network');
  const fips = useServerFloatingIps(server.id);
  const attached = fips.data ?? [];
  return (
    <>
      <PanelToggle id="associate-fip" label={t('associateFip')} cli={panelCli(serverDefinition, 'associate-fip', server)} />
      <PanelToggle id="disassociate-fip" label={t('disassociateFip')} when={attached.length > 0} />
      <ToolbarPanel id="associate-fip">{(close) => <AssociateFromInstanceForm server={server} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="disassociate-fip" when={attached.length > 0}>{(close) => <DisassociateForm fips={attached} onDone={close} />}</ToolbarPanel>
    </>
  );
}

/** "203.0.113.7 → 10.0.0.5": addresses, not words. */
const fipMapping = (f: FloatingIp) => `${f.floating_ip_address} → ${f.fixed_ip_address}`;

function DisassociateForm({ fips, onDone }: { fips: readonly FloatingIp[]; onDone: () => void }) {
  const t = useTranslations('compute.network');
  const [id, setId] = useState(fips.length === 1 ? fips[0].id : '');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (fid: string) => disassociateRequest(fid), { invalidates: EDGE_CHANGES, onDone, cli: (fid) => disassociateCli(fips.find((f) => f.id === fid)?.floating_ip_address ?? fid) });
  const chosen = fips.find((f) => f.id === id);
  return (
    <EdgeForm
      label={t('disassociateFip')}
      explain={t('disassociateExplain')}
      error={m.error}
      errorTitle={t('disassociationRefused')}
      cli={disassociateCli(chosen?.floating_ip_address ?? '<address>')}
      submit={t('disassociate')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!id) return setError(t('chooseTheFip'));
        setError(undefined);
        m.mutate(id);
      }}
    >
      <SelectField label={t('fipToDisassociate')} value={id} error={error} onChange={(e) => setId(e.target.value)}>
        {fips.length > 1 && <option value="">{t('chooseFip')}</option>}
        {fips.map((f) => (
          <option key={f.id} value={f.id}>
            {fipMapping(f)}
          </option>
        ))}
      </SelectField>
    </EdgeForm>
  );
}

/** The instance's security groups tab: the groups on its ports (from Neutron, current at once), add one, remove one. */
export function InstanceSecurityGroups({ server }: { server: { id: string; name: string } }) {
  const t = useTranslations('compute.network');
  const all = useResourceList(securityGroupDefinition, { filters: {} });
  const ports = usePorts(`device_id=${encodeURIComponent(server.id)}`);
  const names = Object.fromEntries((all.data?.items ?? []).map((g) => [g.id, g.name]));
  const ids = [...new Set((ports.data ?? []).flatMap((p) => p.security_groups))];
  const current = { isPending: ports.isPending, isError: ports.isError, error: ports.error, data: ports.data && ids.map((id) => ({ id, name: names[id] ?? id })) };
  const [groupId, setGroupId] = useState('');
  const [error, setError] = useState<string>();
  const add = useOsMutation(NOVA, (g: string) => serverGroupRequest(server.id, g, 'add'), { invalidates: EDGE_CHANGES, onDone: () => setGroupId(''), cli: (g) => serverGroupCli(server.name, names[g] ?? g, 'add') });
  const remove = useOsMutation(NOVA, (g: string) => serverGroupRequest(server.id, g, 'remove'), { invalidates: EDGE_CHANGES, cli: (g) => serverGroupCli(server.name, names[g] ?? g, 'remove') });
  const have = new Set(ids);
  const options = (all.data?.items ?? []).filter((g) => !have.has(g.id));
  const chosen = options.find((g) => g.id === groupId);
  return (
    <div className="space-y-4">
      <Explain>{t('sgExplain')}</Explain>
      {current.isError && <ApiErrorNotice title={t('loadSgFailed')} error={current.error} />}
      {remove.isError && <ApiErrorNotice title={t('removeRefused')} error={remove.error} />}
      <SubTable
        label={t('instanceSgs')}
        busy={current.isPending}
        rows={current.data}
        rowKey={(g) => g.id}
        empty={t('noSg')}
        columns={[{ label: t('group'), cell: (g) => g.name }]}
        buttons={(g) => [{ label: t('remove', { name: g.name }), disabled: remove.isPending, title: serverGroupCli(server.name, g.name, 'remove'), onClick: () => remove.mutate(g.id) }]}
      />
      <EdgeForm
        label={t('addSg')}
        error={add.error}
        errorTitle={t('addRefused')}
        cli={serverGroupCli(server.name, chosen?.name ?? '<group>', 'add')}
        submit={t('addSg')}
        pending={add.isPending}
        onSubmit={() => {
          if (!groupId) return setError(t('chooseSg'));
          setError(undefined);
          add.mutate(groupId);
        }}
      >
        <SelectField label={t('sgToAdd')} value={groupId} error={error} onChange={(e) => setGroupId(e.target.value)} disabled={all.isPending}>
          <option value="">{options.length ? t('chooseSg') : t('allGroupsOn')}</option>
          {options.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </EdgeForm>
      <CliHint>{command('openstack', 'server', 'show', '-c', 'security_groups', server.id)}</CliHint>
    </div>
  );
}

const NEW = 'new';

export function AssociateFromInstanceForm({ server, onDone }: { server: { id: string; name: string }; onDone: () => void }) {
  const t = useTranslations('compute.network');
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
    // A new address is known only once allocated: its line keeps the placeholder (the script leaves it commented).
    { invalidates: EDGE_CHANGES, onDone, cli: (v) => associateCli(free.find((f) => f.id === v.fip)?.floating_ip_address ?? '<new address>', v.portId, v.fixedIp) },
  );
  const address = free.find((f) => f.id === pick)?.floating_ip_address;
  // Neutron's "External network … is not reachable from subnet …" is said in plain words, with the way to fix it.
  const refused = unreachableError(m.error);
  const poolName = pools.data?.find((p) => p.id === pool)?.name;
  const cli = pick === NEW
    ? `${floatingIpCreateCli({ networkId: pool }, poolName)}; ${associateCli('<new address>', chosen?.portId ?? '<port>', chosen?.fixedIp)}`
    : associateCli(address ?? '<address>', chosen?.portId ?? '<port>', chosen?.fixedIp);
  return (
    <EdgeForm
      label={t('associateFip')}
      explain={t('associateExplain')}
      error={refused ? undefined : m.error}
      errorTitle={t('associationRefused')}
      cli={cli}
      submit={t('associate')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const e: Record<string, string> = {};
        if (!pick) e.fip = t('chooseFipOrNew');
        if (pick === NEW && !pool) e.pool = t('choosePool');
        if (ports.data && associateTargets(ports.data).length === 0) e.target = t('noIpv4');
        else if (!chosen) e.target = t('choosePort');
        setErrors(e);
        if (Object.keys(e).length || !chosen) return;
        m.mutate({ fip: pick, pool, ...chosen });
      }}
    >
      <SelectField label={t('floatingIp')} value={pick} error={errors.fip} onChange={(e) => setFipId(e.target.value)} disabled={fips.isPending}>
        {free.length > 0 && <option value="">{t('chooseFip')}</option>}
        {free.map((f) => (
          <option key={f.id} value={f.id}>
            {f.floating_ip_address}
          </option>
        ))}
        <option value={NEW}>{t('allocateNew')}</option>
      </SelectField>
      {pick === NEW && (
        <SelectField label={t('pool')} value={pool} error={errors.pool} onChange={(e) => setPoolId(e.target.value)} disabled={pools.isPending}>
          <option value="">{t('chooseExternal')}</option>
          {(pools.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      )}
      {ports.data && <TargetSelect ports={ports.data} value={target} onChange={setTarget} error={errors.target} />}
      {errors.target && ports.data && associateTargets(ports.data).length <= 1 && <p className="text-sm text-red-600 dark:text-red-400">{errors.target}</p>}
      {refused && <NotReachableNotice refusal={refused} onConnected={() => m.reset()} />}
      {(fips.isError || ports.isError) && <ApiErrorNotice title={t('loadFipsOrPortsFailed')} error={fips.error ?? ports.error} />}
    </EdgeForm>
  );
}

/**
 * Associate a floating IP with an instance address chosen here (only those a router connects to its pool can be
 * chosen): the instances list shows this form above the table for `?associate-fip=<id>`.
 */
export function AssociateToInstanceForm({ fip, onDone }: { fip: FloatingIp; onDone: () => void }) {
  return <AssociateFloatingIpForm fip={fip} onDone={onDone} />;
}
