'use client';

import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
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
import { EDGE_CHANGES, NEUTRON } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';

export function SecurityGroupDetail({ id }: { id: string }) {
  return <ResourceDetail def={def} id={id} tabs={[{ id: 'rules', label: 'Rules', render: (g) => <Rules group={g} /> }]} overviewExtra={() => <RulesHint />} />;
}

function RulesHint() {
  return <Explain>Open the Rules tab to see and change what this group allows. Rules only allow traffic; there are no deny rules.</Explain>;
}

function useGroupNames(): Record<string, string> {
  const groups = useResourceList(def, { filters: {} });
  return Object.fromEntries((groups.data?.items ?? []).map((g) => [g.id, g.name]));
}

function Rules({ group }: { group: SecurityGroup }) {
  const names = useGroupNames();
  const del = useOsMutation(NEUTRON, (r: Rule) => ({ method: 'DELETE', path: `v2.0/security-group-rules/${r.id}` }), { invalidates: EDGE_CHANGES });
  const add = useOsMutation(NEUTRON, (v: RuleForm) => ruleCreateRequest(group.id, v), { invalidates: EDGE_CHANGES });
  const [custom, setCustom] = useState(false);
  const groupWord = group.name || group.id;
  return (
    <div className="space-y-4">
      <Explain>
        Ingress rules allow traffic into the instance, egress rules out of it. The remote end is a CIDR (addresses) or another security group (any
        port in that group). Replies to allowed traffic are allowed too when the group is stateful.
      </Explain>
      <div role="group" aria-label="Add a common rule" className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Add a common rule:</span>
        {RULE_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={buttonClass.secondary}
            disabled={add.isPending}
            title={`${p.hint}: ${ruleCli(groupWord, p.form(group.id), { ...names, [group.id]: groupWord })}`}
            onClick={() => add.mutate(p.form(group.id))}
          >
            {p.label}
          </button>
        ))}
        <button type="button" className={buttonClass.secondary} aria-expanded={custom} onClick={() => setCustom(!custom)}>
          Custom rule
        </button>
      </div>
      {add.isError && <ApiErrorNotice title="Rule refused" error={add.error} />}
      {del.isError && <ApiErrorNotice title="Delete refused" error={del.error} />}
      {custom && <CustomRuleForm group={group} names={names} onDone={() => setCustom(false)} />}
      <SubTable
        label="Security group rules"
        rows={group.security_group_rules}
        rowKey={(r) => r.id}
        rowId={(r) => r.id}
        empty="No rules: this group allows nothing in or out."
        columns={[
          { label: 'Direction', cell: (r) => r.direction },
          { label: 'Ether type', cell: (r) => r.ethertype },
          { label: 'Protocol', cell: (r) => r.protocol ?? 'any' },
          { label: 'Port range', cell: portRange },
          { label: 'Remote', mono: true, cell: (r) => remoteLabel(r, names) },
          { label: 'Description', cell: (r) => r.description ?? '' },
        ]}
        buttons={(r) => [
          {
            label: 'Delete',
            danger: true,
            disabled: del.isPending,
            ariaLabel: `Delete rule ${r.direction} ${r.protocol ?? 'any'} ${portRange(r)} ${remoteLabel(r, names)}`,
            title: command('openstack', 'security', 'group', 'rule', 'delete', r.id),
            onClick: () => del.mutate(r),
          },
        ]}
      />
      <CliHint>{command('openstack', 'security', 'group', 'rule', 'list', '--long', groupWord)}</CliHint>
    </div>
  );
}

function CustomRuleForm({ group, names, onDone }: { group: SecurityGroup; names: Record<string, string>; onDone: () => void }) {
  const form = useZodForm(RuleFormSchema, RULE_FORM_DEFAULTS);
  const { values: v, field } = form;
  const m = useOsMutation(NEUTRON, (x: RuleForm) => ruleCreateRequest(group.id, x), {
    invalidates: EDGE_CHANGES,
    onDone: () => {
      form.reset();
      onDone();
    },
  });
  const set = (patch: Partial<RuleForm>) => form.setValues((old) => ({ ...old, ...patch }));
  const ports = v.protocol === 'tcp' || v.protocol === 'udp';
  return (
    <EdgeForm
      label="Add custom rule"
      explain="Leave the ports empty for all ports and the CIDR empty for anywhere (0.0.0.0/0 or ::/0)."
      error={m.error}
      errorTitle="Rule refused"
      cli={ruleCli(group.name || group.id, v, names)}
      submit="Add rule"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={form.submit((input) => m.mutate(input))}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Direction" value={v.direction} onChange={(e) => set({ direction: e.target.value as RuleForm['direction'] })}>
          <option value="ingress">Ingress (inbound)</option>
          <option value="egress">Egress (outbound)</option>
        </SelectField>
        <SelectField label="Ether type" value={v.ethertype} onChange={(e) => set({ ethertype: e.target.value as RuleForm['ethertype'] })}>
          <option value="IPv4">IPv4</option>
          <option value="IPv6">IPv6</option>
        </SelectField>
        <SelectField label="Protocol" value={v.protocol} onChange={(e) => set({ protocol: e.target.value as RuleForm['protocol'] })}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="icmp">ICMP</option>
          <option value="any">Any</option>
        </SelectField>
      </div>
      {ports && (
        <TextField label="Port range" placeholder="22 or 8000-8080" hint="1 to 65535; empty for all ports" {...field('ports')} />
      )}
      {v.protocol === 'icmp' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="ICMP type" placeholder="8 (echo request)" hint="0 to 255; empty for any" {...field('icmpType')} />
          <TextField label="ICMP code" placeholder="0" hint="0 to 255; needs a type" {...field('icmpCode')} />
        </div>
      )}
      <SelectField label="Remote" value={v.remote} onChange={(e) => set({ remote: e.target.value as RuleForm['remote'] })}>
        <option value="cidr">CIDR (addresses)</option>
        <option value="group">Security group (its members)</option>
      </SelectField>
      {v.remote === 'cidr' ? (
        <TextField
          label="Remote CIDR"
          placeholder={v.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0'}
          hint={`An ${v.ethertype} network, e.g. ${v.ethertype === 'IPv4' ? '203.0.113.0/24' : '2001:db8::/32'}; empty for anywhere`}
          {...field('cidr')}
        />
      ) : (
        <SelectField label="Remote security group" {...field('remoteGroupId')}>
          <option value="">Choose a group</option>
          {Object.entries(names).map(([id, n]) => (
            <option key={id} value={id}>
              {n}
              {id === group.id ? ' (this group)' : ''}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label="Rule description" {...field('description')} />
    </EdgeForm>
  );
}
