'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';
import { SelectField } from '@/components/ui/field';
import { SubTable } from '@/components/resource/sub-list';
import { command } from '@/lib/resources/cli';
import { interfaceCli, interfaceRequest, ROUTER_INTERFACE_OWNERS, routerDefinition as def, setGatewayRequest, type Router } from '@/lib/resources/network/router';
import { EdgeForm, Explain } from './edge-data';
import { EDGE_CHANGES, NEUTRON, useExternalNetworks, usePorts, useProjectSubnets } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

export function RouterDetail({ id }: { id: string }) {
  const t = useTranslations('network.routerDetail');
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={() => <Explain>{t('overviewExplain')}</Explain>}
      extraActions={(r) => <RouterActions router={r} />}
      tabs={[{ id: 'interfaces', label: t('interfaces'), render: (r) => <Interfaces router={r} />, cli: (r) => command('openstack', 'port', 'list', '--router', r.id) }]}
    />
  );
}

/** The router's buttons; each form opens below the toolbar's row (and from a list row's menu, `?open=<panel>`). */
function RouterActions({ router }: { router: Router }) {
  const t = useTranslations('network.routerDetail');
  return (
    <>
      <PanelToggle id="gateway" label={router.external_gateway_info ? t('changeGateway') : t('setGateway')} cli={panelCli(def, 'gateway', router)} />
      <PanelToggle id="interface" label={t('addInterface')} cli={panelCli(def, 'interface', router)} />
      <ToolbarPanel id="gateway">{(close) => <GatewayForm router={router} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="interface">{(close) => <AddInterfaceForm router={router} onDone={close} />}</ToolbarPanel>
    </>
  );
}

function GatewayForm({ router, onDone }: { router: Router; onDone: () => void }) {
  const t = useTranslations('network.routerDetail');
  const nets = useExternalNetworks();
  const [netId, setNetId] = useState(router.external_gateway_info?.network_id ?? '');
  const [error, setError] = useState<string>();
  const gatewayCli = (id: string) => command('openstack', 'router', 'set', '--external-gateway', nets.data?.find((n) => n.id === id)?.name ?? (id || '<network>'), router.name || router.id);
  const m = useOsMutation(NEUTRON, (n: string) => setGatewayRequest(router.id, n), { invalidates: EDGE_CHANGES, onDone, cli: gatewayCli });
  return (
    <EdgeForm
      label={t('gatewayForm')}
      explain={t('gatewayExplain')}
      error={m.error}
      errorTitle={t('gatewayRefused')}
      cli={gatewayCli(netId)}
      submit={t('setGateway')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!netId) return setError(t('chooseNetwork'));
        setError(undefined);
        m.mutate(netId);
      }}
    >
      <SelectField label={t('externalNetwork')} value={netId} error={error} onChange={(e) => setNetId(e.target.value)} disabled={nets.isPending}>
        <option value="">{nets.isPending ? t('loadingNetworks') : nets.data?.length ? t('chooseNetwork') : t('noExternalNetwork')}</option>
        {(nets.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      {nets.isError && <ApiErrorNotice title={t('networksLoadFailed')} error={nets.error} />}
    </EdgeForm>
  );
}

function AddInterfaceForm({ router, onDone }: { router: Router; onDone: () => void }) {
  const t = useTranslations('network.routerDetail');
  const subnets = useProjectSubnets();
  const [subnetId, setSubnetId] = useState('');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NEUTRON, (s: string) => interfaceRequest(router.id, s, 'add'), {
    invalidates: EDGE_CHANGES,
    onDone,
    cli: (s) => interfaceCli(router.name || router.id, subnets.data?.find((x) => x.id === s)?.name || s, 'add'),
  });
  const chosen = subnets.data?.find((s) => s.id === subnetId);
  return (
    <EdgeForm
      label={t('interfaceForm')}
      explain={t('interfaceExplain')}
      error={m.error}
      errorTitle={t('interfaceRefused')}
      cli={interfaceCli(router.name || router.id, chosen?.name || subnetId || '<subnet>', 'add')}
      submit={t('addInterface')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!subnetId) return setError(t('chooseSubnet'));
        setError(undefined);
        m.mutate(subnetId);
      }}
    >
      <SelectField label={t('subnet')} value={subnetId} error={error} onChange={(e) => setSubnetId(e.target.value)} disabled={subnets.isPending}>
        <option value="">{subnets.isPending ? t('loadingSubnets') : subnets.data?.length ? t('chooseSubnet') : t('noSubnet')}</option>
        {(subnets.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.gateway_ip ? t('subnetOption', { name: s.name || s.id, cidr: s.cidr, gateway: s.gateway_ip }) : t('subnetOptionNoGateway', { name: s.name || s.id, cidr: s.cidr })}
          </option>
        ))}
      </SelectField>
      {subnets.isError && <ApiErrorNotice title={t('subnetsLoadFailed')} error={subnets.error} />}
    </EdgeForm>
  );
}

function Interfaces({ router }: { router: Router }) {
  const t = useTranslations('network.routerDetail');
  const tc = useTranslations('common');
  const ports = usePorts(`device_id=${encodeURIComponent(router.id)}`);
  const subnets = useProjectSubnets();
  const m = useOsMutation(NEUTRON, (s: string) => interfaceRequest(router.id, s, 'remove'), { invalidates: EDGE_CHANGES, cli: (s) => interfaceCli(router.name || router.id, subnetName(s), 'remove') });
  // Removing an interface cuts the subnet off from the router at once (no undo), so it is confirmed first.
  const [asking, setAsking] = useState<{ subnet: string; name: string } | null>(null);
  const ifaces = (ports.data ?? []).filter((p) => ROUTER_INTERFACE_OWNERS.includes(p.device_owner ?? ''));
  const subnetName = (id?: string) => (id ? (subnets.data?.find((s) => s.id === id)?.name || id) : '');
  if (ports.isError) return <ApiErrorNotice title={t('interfacesLoadFailed')} error={ports.error} />;
  return (
    <div className="space-y-3">
      {m.isError && <ApiErrorNotice title={t('removeRefused')} error={m.error} />}
      <SubTable
        label={t('interfacesTable')}
        busy={ports.isPending}
        rows={ports.isPending ? undefined : ifaces}
        rowKey={(p) => p.id}
        empty={t('interfacesEmpty')}
        columns={[
          { label: t('subnet'), cell: (p) => subnetName(p.fixed_ips[0]?.subnet_id) },
          { label: t('ipAddress'), mono: true, cell: (p) => p.fixed_ips.map((f) => f.ip_address).join(', ') },
          { label: t('port'), mono: true, cell: (p) => p.id },
          { label: tc('status'), cell: (p) => p.status ?? '' },
        ]}
        buttons={(p) => {
          const sub = p.fixed_ips[0]?.subnet_id;
          const name = subnetName(sub);
          return [!!sub && { label: t('removeInterface', { subnet: name }), disabled: m.isPending, title: interfaceCli(router.name || router.id, name, 'remove'), onClick: () => setAsking({ subnet: sub, name }) }];
        }}
      />
      <ConfirmDialog
        open={!!asking}
        title={t('removeConfirmTitle')}
        body={asking ? t('removeConfirmBody', { router: router.name || router.id, subnet: asking.name }) : ''}
        confirmLabel={t('removeConfirm')}
        destructive
        cli={asking ? interfaceCli(router.name || router.id, asking.name, 'remove') : undefined}
        busy={m.isPending}
        onConfirm={() => asking && m.mutate(asking.subnet, { onSettled: () => setAsking(null) })}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
