'use client';
// Associate a floating IP with an instance address, or move it to another one in one call (Neutron's PUT with the
// new port_id needs no disassociation first). Only addresses a router connects to the floating IP's network can be
// chosen; the others are listed disabled with the reason and a way to connect their subnet, and Neutron's refusal
// ("External network … is not reachable from subnet …") is said in the same plain words.
import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { associateCli, associateRequest, instanceOf, type FloatingIp } from '@/lib/resources/network/floating-ip';
import { useAssociationData, useExternalNames, useProjectRouters, useVisibleSubnets } from '@/lib/resources/network/floating-ip-queries';
import { EDGE_CHANGES, NEUTRON } from '@/lib/resources/network/queries';
import { gatewayRouters, selectable, unreachableError, unreachableSubnets, type InstanceTarget } from '@/lib/resources/network/reachability';
import { interfaceCli, interfaceRequest, type Router } from '@/lib/resources/network/router';
import { useOsMutation } from '@/lib/resources/queries';
import { EdgeForm } from './edge-data';

type Subnet = { id: string; name: string; cidr: string };
const subnetName = (s: Subnet | undefined, id: string) => (s ? s.name || s.cidr : id);

export function AssociateFloatingIpForm({ fip, onDone }: { fip: FloatingIp; onDone: () => void }) {
  const t = useTranslations('network.floatingIps');
  const data = useAssociationData(fip);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (x: InstanceTarget) => associateRequest(fip.id, x.portId, x.several ? x.ip : undefined), {
    invalidates: EDGE_CHANGES,
    onDone,
    cli: (x) => associateCli(fip.floating_ip_address, x.portId, x.several ? x.ip : undefined),
  });
  const moving = !!fip.port_id;
  const name = (serverId: string) => data.serverNames[serverId] ?? serverId;
  const sub = (id?: string) => subnetName(id ? data.subnets[id] : undefined, id ?? '');
  const choices = data.targets.filter(selectable);
  const blocked = data.targets.filter((x) => x.reach.kind === 'unreachable' || x.reach.kind === 'taken');
  const chosen = choices.find((x) => x.value === value);
  const refused = unreachableError(m.error);
  const current = instanceOf(fip);
  const gateways = gatewayRouters(data.routers, fip.floating_network_id);

  const option = (x: InstanceTarget) =>
    x.reach.kind === 'unreachable'
      ? t('optionUnreachable', { instance: name(x.serverId), ip: x.ip, subnet: sub(x.subnetId), network: data.externalName })
      : x.reach.kind === 'taken'
        ? t('optionTaken', { instance: name(x.serverId), ip: x.ip, address: x.reach.address })
        : x.subnetId
          ? t('option', { instance: name(x.serverId), ip: x.ip, subnet: sub(x.subnetId) })
          : t('optionNoSubnet', { instance: name(x.serverId), ip: x.ip });

  return (
    <EdgeForm
      label={moving ? t('moveTitle') : t('associateTitle')}
      explain={
        moving
          ? t('moveExplain', { address: fip.floating_ip_address, from: current ? name(current) : (fip.fixed_ip_address ?? fip.port_id ?? '') })
          : t('associateExplain', { address: fip.floating_ip_address, network: data.externalName })
      }
      // Neutron's "not reachable" refusal is said below in plain words, with the way to fix it.
      error={refused ? undefined : m.error}
      errorTitle={t('refused')}
      cli={associateCli(fip.floating_ip_address, chosen?.portId ?? '<port>', chosen?.several ? chosen.ip : undefined)}
      submit={moving ? t('move') : t('associate')}
      pending={m.isPending}
      disabled={data.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!chosen) return setError(choices.length ? t('chooseAddress') : t('noAddress'));
        setError(undefined);
        m.mutate(chosen);
      }}
    >
      <SelectField label={t('address')} value={chosen ? value : ''} error={error} onChange={(e) => { setValue(e.target.value); setError(undefined); }} disabled={data.isPending}>
        <option value="">{data.isPending ? t('loading') : choices.length ? t('chooseAddress') : t('noAddress')}</option>
        {choices.map((x) => (
          <option key={x.value} value={x.value}>
            {option(x)}
          </option>
        ))}
        {blocked.length > 0 && (
          <optgroup label={t('blockedGroup')}>
            {blocked.map((x) => (
              <option key={x.value} value={x.value} disabled>
                {option(x)}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      {refused ? (
        <NotReachableNotice refusal={refused} onConnected={() => m.reset()} />
      ) : (
        unreachableSubnets(data.targets).map((u) => (
          <ConnectSubnet key={u.subnetId} subnetId={u.subnetId} subnet={sub(u.subnetId)} network={data.externalName} routers={gateways} instances={u.serverIds.map(name)} />
        ))
      )}
      {!!data.error && <ApiErrorNotice title={t('loadFailed')} error={data.error} />}
    </EdgeForm>
  );
}

/** Neutron's "External network … is not reachable from subnet …" in plain words, with the way to connect them. */
export function NotReachableNotice({ refusal, onConnected }: { refusal: { externalNetworkId: string; subnetId: string }; onConnected?: () => void }) {
  const routers = useProjectRouters();
  const subnets = useVisibleSubnets();
  const externals = useExternalNames();
  const subnet = subnetName(subnets.data?.find((s) => s.id === refusal.subnetId), refusal.subnetId);
  const network = externals.data?.[refusal.externalNetworkId] ?? refusal.externalNetworkId;
  return <ConnectSubnet alert subnetId={refusal.subnetId} subnet={subnet} network={network} routers={gatewayRouters(routers.data ?? [], refusal.externalNetworkId)} onConnected={onConnected} />;
}

/**
 * "Connect <subnet> to a router with a gateway on <network>", with a button per router that has such a gateway
 * (adds the subnet as an interface: `openstack router add subnet`), or a link to create one when there is none.
 */
function ConnectSubnet({ subnetId, subnet, network, routers, instances, alert, onConnected }: {
  subnetId: string; subnet: string; network: string; routers: readonly Router[]; instances?: readonly string[]; alert?: boolean; onConnected?: () => void;
}) {
  const t = useTranslations('network.floatingIps');
  const href = useResourceHref();
  const add = useOsMutation(NEUTRON, (r: Router) => interfaceRequest(r.id, subnetId, 'add'), { invalidates: EDGE_CHANGES, onDone: () => onConnected?.(), cli: (r) => interfaceCli(r.name || r.id, subnet, 'add') });
  const tone = alert
    ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100'
    : 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100';
  return (
    <div role={alert ? 'alert' : 'note'} className={`space-y-2 rounded-md border px-3 py-2 text-sm ${tone}`}>
      {alert && <p className="font-medium">{t('refused')}</p>}
      <p>{t('connect', { subnet, network })}</p>
      {instances && instances.length > 0 && <p className="text-xs">{t('instancesOn', { count: instances.length, names: instances.join(', ') })}</p>}
      <div className="flex flex-wrap gap-2">
        {routers.map((r) => (
          <button key={r.id} type="button" className={buttonClass.secondary} disabled={add.isPending} title={interfaceCli(r.name || r.id, subnet, 'add')} onClick={() => add.mutate(r)}>
            {t('addInterface', { subnet, router: r.name || r.id })}
          </button>
        ))}
        {routers.length === 0 ? (
          <Link href={href('routers', '', 'new=1')} className={buttonClass.secondary}>
            {t('createRouter', { network })}
          </Link>
        ) : (
          <Link href={href('routers', encodeURIComponent(routers[0].id))} className="self-center text-brand-700 hover:underline dark:text-brand-300">
            {t('openRouter', { router: routers[0].name || routers[0].id })}
          </Link>
        )}
      </div>
      {add.isSuccess && <p role="status">{t('connected', { subnet })}</p>}
      {!!add.error && <ApiErrorNotice title={t('connectRefused')} error={add.error} />}
    </div>
  );
}
