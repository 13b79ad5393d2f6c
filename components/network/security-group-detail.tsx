'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { SubTable } from '@/components/resource/sub-list';
import { command } from '@/lib/resources/cli';
import { useResourceList } from '@/lib/resources/hooks';
import {
  portRange,
  remoteLabel,
  RULE_FORM_DEFAULTS,
  RULE_PRESETS,
  ruleCli,
  ruleCreateRequest,
  RuleFormSchema,
  securityGroupDefinition as def,
  type Rule,
  type RuleForm,
  type SecurityGroup,
} from '@/lib/resources/network/security-group';
import { EdgeForm, Explain } from './edge-data';
import { useIssueText } from './form-bits';
import { EDGE_CHANGES, NEUTRON } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

// Protocol names and ether types are shown as Neutron names them.
const ETHERTYPES = ['IPv4', 'IPv6'] as const;
const PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;

export function SecurityGroupDetail({ id }: { id: string }) {
  const t = useTranslations('network.securityGroupDetail');
  return <ResourceDetail def={def} id={id} tabs={[{ id: 'rules', label: t('rules'), render: (g) => <Rules group={g} />, cli: (g) => command('openstack', 'security', 'group', 'rule', 'list', '--long', g.name || g.id) }]} overviewExtra={() => <RulesHint />} />;
}

function RulesHint() {
  const t = useTranslations('network.securityGroupDetail');
  return <Explain>{t('rulesHint')}</Explain>;
}

function useGroupNames(): Record<string, string> {
  const groups = useResourceList(def, { filters: {} });
  return Object.fromEntries((groups.data?.items ?? []).map((g) => [g.id, g.name]));
}

function Rules({ group }: { group: SecurityGroup }) {
  const t = useTranslations('network.securityGroupDetail');
  const tc = useTranslations('common');
  const m = useMsg();
  const names = useGroupNames();
  const groupWord = group.name || group.id;
  const deleteCli = (r: Rule) => command('openstack', 'security', 'group', 'rule', 'delete', r.id);
  const del = useOsMutation(NEUTRON, (r: Rule) => ({ method: 'DELETE', path: `v2.0/security-group-rules/${r.id}` }), { invalidates: EDGE_CHANGES, cli: deleteCli });
  const add = useOsMutation(NEUTRON, (v: RuleForm) => ruleCreateRequest(group.id, v), { invalidates: EDGE_CHANGES, cli: (v) => ruleCli(groupWord, v, { ...names, [group.id]: groupWord }) });
  const [custom, setCustom] = useState(false);
  return (
    <div className="space-y-4">
      <Explain>{t('rulesIntro')}</Explain>
      <div role="group" aria-label={t('commonRules')} className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">{t('commonRulesLabel')}</span>
        {RULE_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={buttonClass.secondary}
            disabled={add.isPending}
            title={t('presetTitle', { hint: m(p.hint), cli: ruleCli(groupWord, p.form(group.id), { ...names, [group.id]: groupWord }) })}
            onClick={() => add.mutate(p.form(group.id))}
          >
            {m(p.label)}
          </button>
        ))}
        <button type="button" className={buttonClass.secondary} aria-expanded={custom} onClick={() => setCustom(!custom)}>
          {t('customRule')}
        </button>
      </div>
      {add.isError && <ApiErrorNotice title={t('ruleRefused')} error={add.error} />}
      {del.isError && <ApiErrorNotice title={t('deleteRefused')} error={del.error} />}
      {custom && <CustomRuleForm group={group} names={names} onDone={() => setCustom(false)} />}
      <SubTable
        label={t('rulesTable')}
        rows={group.security_group_rules}
        rowKey={(r) => r.id}
        rowId={(r) => r.id}
        empty={t('rulesEmpty')}
        columns={[
          { label: t('direction'), cell: (r) => r.direction },
          { label: t('etherType'), cell: (r) => r.ethertype },
          { label: t('protocol'), cell: (r) => r.protocol ?? t('anyProtocol') },
          { label: t('portRange'), cell: (r) => m(portRange(r)) },
          { label: t('remote'), mono: true, cell: (r) => m(remoteLabel(r, names)) },
          { label: tc('description'), cell: (r) => r.description ?? '' },
        ]}
        buttons={(r) => [
          {
            label: tc('delete'),
            danger: true,
            disabled: del.isPending,
            ariaLabel: t('deleteRule', { direction: r.direction, protocol: r.protocol ?? t('anyProtocol'), ports: m(portRange(r)), remote: m(remoteLabel(r, names)) }),
            title: deleteCli(r),
            onClick: () => del.mutate(r),
          },
        ]}
      />
    </div>
  );
}

function CustomRuleForm({ group, names, onDone }: { group: SecurityGroup; names: Record<string, string>; onDone: () => void }) {
  const t = useTranslations('network.securityGroupDetail');
  const { withText } = useIssueText();
  const form = useZodForm(RuleFormSchema, RULE_FORM_DEFAULTS);
  const { values: v } = form;
  const field = (k: 'ports' | 'icmpType' | 'icmpCode' | 'cidr' | 'remoteGroupId' | 'description') => withText(form.field(k));
  const m = useOsMutation(NEUTRON, (x: RuleForm) => ruleCreateRequest(group.id, x), {
    invalidates: EDGE_CHANGES,
    cli: (x) => ruleCli(group.name || group.id, x, names),
    onDone: () => {
      form.reset();
      onDone();
    },
  });
  const set = (patch: Partial<RuleForm>) => form.setValues((old) => ({ ...old, ...patch }));
  const ports = v.protocol === 'tcp' || v.protocol === 'udp';
  return (
    <EdgeForm
      label={t('customForm')}
      explain={t('customExplain')}
      error={m.error}
      errorTitle={t('ruleRefused')}
      cli={ruleCli(group.name || group.id, v, names)}
      submit={t('addRule')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={form.submit((input) => m.mutate(input))}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t('direction')} value={v.direction} onChange={(e) => set({ direction: e.target.value as RuleForm['direction'] })}>
          <option value="ingress">{t('ingress')}</option>
          <option value="egress">{t('egress')}</option>
        </SelectField>
        <SelectField label={t('etherType')} value={v.ethertype} onChange={(e) => set({ ethertype: e.target.value as RuleForm['ethertype'] })}>
          {ETHERTYPES.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('protocol')} value={v.protocol} onChange={(e) => set({ protocol: e.target.value as RuleForm['protocol'] })}>
          {PROTOCOLS.map((x) => (
            <option key={x} value={x}>
              {x.toUpperCase()}
            </option>
          ))}
          <option value="any">{t('anyOption')}</option>
        </SelectField>
      </div>
      {ports && <TextField label={t('portRange')} placeholder={t('portsPlaceholder')} hint={t('portsHint')} {...field('ports')} />}
      {v.protocol === 'icmp' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t('icmpType')} placeholder={t('icmpTypePlaceholder')} hint={t('icmpTypeHint')} {...field('icmpType')} />
          <TextField label={t('icmpCode')} placeholder="0" hint={t('icmpCodeHint')} {...field('icmpCode')} />
        </div>
      )}
      <SelectField label={t('remote')} value={v.remote} onChange={(e) => set({ remote: e.target.value as RuleForm['remote'] })}>
        <option value="cidr">{t('remoteCidrOption')}</option>
        <option value="group">{t('remoteGroupOption')}</option>
      </SelectField>
      {v.remote === 'cidr' ? (
        <TextField
          label={t('remoteCidr')}
          placeholder={v.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0'}
          hint={t('remoteCidrHint', { ethertype: v.ethertype, example: v.ethertype === 'IPv4' ? '203.0.113.0/24' : '2001:db8::/32' })}
          {...field('cidr')}
        />
      ) : (
        <SelectField label={t('remoteGroup')} {...field('remoteGroupId')}>
          <option value="">{t('chooseGroup')}</option>
          {Object.entries(names).map(([id, n]) => (
            <option key={id} value={id}>
              {id === group.id ? t('thisGroup', { name: n }) : n}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t('ruleDescription')} {...field('description')} />
    </EdgeForm>
  );
}
