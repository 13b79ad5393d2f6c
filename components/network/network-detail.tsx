'use client';

import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { InlineForm } from '@/components/resource/form-parts';
import { SubTable, useConfirmStep } from '@/components/resource/sub-list';
import { CheckboxesInput, useOptionLabels } from '@/components/resource/resource-form';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';
import { StatusBadge } from '@/components/resource/status-badge';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import type { ResourceAction } from '@/lib/resources/types';
import { command } from '@/lib/resources/cli';
import { networkDefinition as def, networkEditBody, networkEditCli, NetworkEditSchema, type Network } from '@/lib/resources/network/network';
import { canDeletePort, fixedIpList, ownerLabel, PORT_ACTIONS, portCreateBody, portCreateCli, portCreateSchema, PortSchema, portStatus, securityGroupsField, type Port, type PortValues } from '@/lib/resources/network/port';
import { emptySubnetValues, SUBNET_ACTIONS, subnetCreateCli, subnetCreateRequest, subnetCreateSchema, subnetEditBody, subnetEditCli, subnetEditSchema, subnetValues, type Subnet, type SubnetValues } from '@/lib/resources/network/subnet';
import { NETWORK_CHANGES, NEUTRON, useNetworkPorts, useNetworkSubnets, useVisibleCidrs } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { panel, useIssueText } from './form-bits';
import { suggestion, SubnetFields } from './subnet-fields';

export function NetworkDetail({ id }: { id: string }) {
  const t = useTranslations('kinds');
  return (
    <ResourceDetail
      def={def}
      id={id}
      extraActions={(n) => <ExtraActions network={n} />}
      tabs={[
        { id: 'subnets', label: t('subnet.plural'), render: (n) => <SubnetsTab network={n} />, cli: (n) => command('openstack', 'subnet', 'list', '--network', n.id) },
        { id: 'ports', label: t('port.plural'), render: (n) => <PortsTab network={n} />, cli: (n) => command('openstack', 'port', 'list', '--network', n.id) },
      ]}
    />
  );
}

/** The network's buttons; each form opens below the toolbar's row (and from a list row's menu, `?open=<panel>`). */
function ExtraActions({ network }: { network: Network }) {
  const t = useTranslations('network.detail');
  const tc = useTranslations('common');
  return (
    <>
      <PanelToggle id="edit" label={tc('edit')} cli={panelCli(def, 'edit', network)} />
      <PanelToggle id="subnet" label={t('addSubnet')} cli={panelCli(def, 'subnet', network)} />
      <PanelToggle id="port" label={t('createPort')} cli={panelCli(def, 'port', network)} />
      <ToolbarPanel id="edit">{(close) => <EditNetworkForm network={network} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="subnet">{(close) => <SubnetForm network={network} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="port">{(close) => <PortCreateForm network={network} onDone={close} />}</ToolbarPanel>
    </>
  );
}

function EditNetworkForm({ network, onDone }: { network: Network; onDone: () => void }) {
  const t = useTranslations('network.detail');
  const tc = useTranslations('common');
  const { withText } = useIssueText();
  const form = useZodForm(NetworkEditSchema, { name: network.name, description: network.description ?? '', adminStateUp: network.admin_state_up });
  const v = form.values;
  const m = useOsMutation(NEUTRON, (i: typeof v) => ({ method: 'PUT', path: `v2.0/networks/${network.id}`, body: networkEditBody(network, i) }), { invalidates: NETWORK_CHANGES, onDone, cli: (i) => networkEditCli(network, i) });
  return (
    <InlineForm label={t('editNetwork')} className={panel} onSubmit={form.submit((input) => m.mutate(input))} error={m.error} errorTitle={t('updateRefused')} cli={networkEditCli(network, v)} submit={tc('save')} pending={m.isPending} onCancel={onDone}>
      <TextField label={t('networkName')} {...withText(form.field('name'))} />
      <TextAreaField label={t('networkDescription')} rows={2} {...withText(form.field('description'))} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
        {t('adminUp')}
      </label>
    </InlineForm>
  );
}

/** Add a subnet to the network, or edit one of its subnets (`subnet` given). */
function SubnetForm({ network, subnet, onDone }: { network: Network; subnet?: Subnet; onDone: () => void }) {
  const t = useTranslations('network.detail');
  const subnets = useNetworkSubnets(network.id);
  const visible = useVisibleCidrs();
  const own = (subnets.data?.subnets ?? []).map((s) => s.cidr);
  const taken = [...new Set([...own, ...visible])];
  // Until the user edits, a suggested free range and name (they fill in once the existing CIDRs are known).
  const orSuggested = (values: SubnetValues | null) => values ?? { ...emptySubnetValues(suggestion('4', taken)), name: `${network.name || 'net'}-subnet-${own.length + 1}` };
  const create = useOsMutation(NEUTRON, (i: ReturnType<ReturnType<typeof subnetCreateSchema>['parse']>) => (subnet ? { method: 'PUT', path: `v2.0/subnets/${subnet.id}`, body: subnetEditBody(subnet, i) } : subnetCreateRequest(network.id, i)), {
    invalidates: NETWORK_CHANGES,
    onDone,
    cli: (i) => (subnet ? subnetEditCli(subnet, i) : subnetCreateCli(network.name || network.id, i)),
  });
  // Overlap is checked against this network's subnets only: Neutron allows the same range on another network.
  const schema = subnet ? subnetEditSchema() : subnetCreateSchema(own);
  const form = useZodForm(schema, subnet ? subnetValues(subnet) : null, { input: orSuggested });
  const { parsed } = form;
  const v = orSuggested(form.values);
  return (
    <InlineForm
      label={subnet ? t('editSubnet') : t('addSubnet')}
      className={panel}
      onSubmit={form.submit((input) => create.mutate(input))}
      error={create.error}
      errorTitle={subnet ? t('updateRefused') : t('subnetRefused')}
      cli={subnet ? (parsed.success ? subnetEditCli(subnet, parsed.data) : `openstack subnet set … ${subnet.id}`) : subnetCreateCli(network.name || network.id, v)}
      submit={subnet ? t('saveSubnet') : t('createSubnet')}
      pending={create.isPending}
      onCancel={onDone}
    >
      <h2 className="text-base font-semibold">{subnet ? t('editSubnetNamed', { name: subnet.name || subnet.cidr }) : t('addSubnetHeading', { network: network.name || network.id })}</h2>
      <SubnetFields values={v} errors={form.errors} taken={taken} editing={!!subnet} onChange={form.setValues} />
    </InlineForm>
  );
}

/** A delete with the definition's confirmation, refetching networks, subnets and ports afterwards. */
function useConfirmedDelete<T>(action: ResourceAction<T>, label: (r: T) => string) {
  const m = useOsMutation(NEUTRON, (r: T) => action.request(r), { invalidates: NETWORK_CHANGES, cli: action.cli });
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
  const t = useTranslations('network.detail');
  const tc = useTranslations('common');
  const tk = useTranslations('kinds.subnet.columns');
  const q = useNetworkSubnets(network.id);
  const [editing, setEditing] = useState<string | null>(null);
  const del = useConfirmedDelete(SUBNET_ACTIONS[0], (s: Subnet) => s.name || s.cidr);
  if (q.isError) return <ApiErrorNotice title={t('subnetsLoadFailed')} error={q.error} />;
  const rows = q.data?.subnets ?? [];
  const current = rows.find((s) => s.id === editing);
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('subnetsIntro')}</p>
      {del.isError && <ApiErrorNotice title={t('deleteRefused')} error={del.error} />}
      <SubTable
        label={t('subnetsTable')}
        busy={q.isPending}
        rows={q.data && rows}
        rowKey={(s) => s.id}
        empty={t('subnetsEmpty')}
        columns={[
          { label: tc('name'), cell: (s) => s.name || s.id },
          { label: tk('cidr'), mono: true, cell: (s) => s.cidr },
          { label: tk('ipVersion'), cell: (s) => `IPv${s.ip_version}${s.ip_version === 6 && (s.ipv6_address_mode || s.ipv6_ra_mode) ? ` (${[s.ipv6_address_mode, s.ipv6_ra_mode].filter(Boolean).join(' / ')})` : ''}` },
          { label: tk('gateway'), mono: true, cell: (s) => s.gateway_ip ?? t('noGateway') },
          { label: tk('dhcp'), cell: (s) => (s.enable_dhcp ? t('dhcpOn') : t('dhcpOff')) },
          { label: tk('pools'), mono: true, cell: (s) => s.allocation_pools.map((p) => `${p.start}-${p.end}`).join(', ') },
          { label: t('dns'), mono: true, cell: (s) => s.dns_nameservers.join(', ') },
        ]}
        buttons={(s) => [
          { label: tc('edit'), ariaLabel: t('editSubnetNamed', { name: s.name || s.cidr }), onClick: () => setEditing(editing === s.id ? null : s.id) },
          { label: tc('delete'), danger: true, ariaLabel: t('deleteSubnet', { name: s.name || s.cidr }), title: SUBNET_ACTIONS[0].cli(s), onClick: () => del.ask(s) },
        ]}
      />
      {current && <SubnetForm key={current.id} network={network} subnet={current} onDone={() => setEditing(null)} />}
      {del.dialog}
    </div>
  );
}

function PortsTab({ network }: { network: Network }) {
  const t = useTranslations('network.detail');
  const tc = useTranslations('common');
  const tk = useTranslations('kinds.port.columns');
  const m = useMsg();
  const href = useResourceHref();
  const q = useNetworkPorts(network.id);
  const del = useConfirmedDelete(PORT_ACTIONS[0], (p: Port) => p.name || p.id);
  if (q.isError) return <ApiErrorNotice title={t('portsLoadFailed')} error={q.error} />;
  const rows = q.data?.ports ?? [];
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich('portsIntro', {
          list: (chunks) => (
            <Link href={href('ports', '', `network_id=${network.id}`)} className="text-brand-700 hover:underline dark:text-brand-300">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {del.isError && <ApiErrorNotice title={t('deleteRefused')} error={del.error} />}
      <SubTable
        label={t('portsTable')}
        busy={q.isPending}
        rows={q.data && rows}
        rowKey={(p) => p.id}
        empty={t('portsEmpty')}
        columns={[
          { label: tc('name'), link: (p) => ({ slug: 'ports', id: p.id }), cell: (p) => p.name || p.id.slice(0, 8) },
          { label: tk('fixedIps'), mono: true, cell: (p) => fixedIpList(p).join(', ') },
          { label: tk('mac'), mono: true, cell: (p) => p.mac_address ?? '' },
          { label: tk('owner'), cell: (p) => m(ownerLabel(p.device_owner)) },
          { label: tc('status'), cell: (p) => <StatusBadge status={portStatus(p)} /> },
        ]}
        buttons={(p) => [canDeletePort(p) && { label: tc('delete'), danger: true, ariaLabel: t('deletePort', { name: p.name || p.id }), title: PORT_ACTIONS[0].cli(p), onClick: () => del.ask(p) }]}
      />
      {del.dialog}
    </div>
  );
}

const EMPTY_PORT: PortValues = { name: '', description: '', subnetId: '', ipAddress: '', securityGroups: [] };
const PORT_GROUPS = { ...securityGroupsField, hint: 'network.detail.portGroupsHint' };

/** The network page's "Create port": a port on this network, from one of its subnets. */
function PortCreateForm({ network, onDone }: { network: Network; onDone: () => void }) {
  const t = useTranslations('network.detail');
  const tc = useTranslations('common');
  const { withText } = useIssueText();
  const href = useResourceHref();
  const subnets = useNetworkSubnets(network.id);
  const names = useOptionLabels([PORT_GROUPS]);
  const list = subnets.data?.subnets ?? [];
  const form = useZodForm(portCreateSchema(list), EMPTY_PORT);
  const { values: v } = form;
  const field = (k: 'name' | 'description' | 'subnetId' | 'ipAddress') => withText(form.field(k));
  const m = useOsMutation(NEUTRON, (i: PortValues) => ({ method: 'POST', path: 'v2.0/ports', body: portCreateBody(network.id, i) }), { invalidates: NETWORK_CHANGES, cli: (i) => portCreateCli(network.name || network.id, i, names) });
  const created = PortSchema.safeParse((m.data as { port?: unknown } | undefined)?.port);
  if (created.success) {
    const addresses = created.data.fixed_ips.map((f) => f.ip_address).join(', ');
    return (
      <div role="status" className={panel}>
        <p className="text-sm">
          {t.rich(addresses ? 'portCreated' : 'portCreatedNoAddress', {
            name: created.data.name || created.data.id,
            addresses,
            port: (chunks) => (
              <Link href={href('ports', created.data.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <button type="button" className="text-sm text-brand-700 hover:underline dark:text-brand-300" onClick={onDone}>
          {tc('close')}
        </button>
      </div>
    );
  }
  return (
    <InlineForm
      label={t('createPort')}
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle={t('portRefused')}
      cli={portCreateCli(network.name || network.id, v, names)}
      submit={t('createPort')}
      pending={m.isPending}
      onCancel={onDone}
    >
      <h2 className="text-base font-semibold">{t('createPortHeading', { network: network.name || network.id })}</h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('portIntro')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('portName')} {...field('name')} autoComplete="off" />
        <TextField label={t('portDescription')} {...field('description')} />
        <SelectField label={t('subnet')} {...field('subnetId')}>
          <option value="">{t('anySubnet')}</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {t('subnetOption', { name: s.name || s.id, cidr: s.cidr })}
            </option>
          ))}
        </SelectField>
        <TextField label={t('fixedIp')} {...field('ipAddress')} autoComplete="off" placeholder={t('fixedIpPlaceholder')} hint={t('fixedIpHint')} />
      </div>
      <CheckboxesInput field={PORT_GROUPS} value={v.securityGroups} onChange={(securityGroups) => form.set('securityGroups', securityGroups)} />
    </InlineForm>
  );
}
