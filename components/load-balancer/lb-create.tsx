'use client';
// The one-page create: a load balancer, and optionally its first listener, a pool of instances and a health monitor,
// sent one object at a time (lib/resources/load-balancer/create.ts lbCreatePlan, run by create-run.ts; the steps show
// below the form, lb-create-progress.tsx). Its own component because its pickers
// depend on each other (the VIP subnet decides which instance addresses can be members) and because the members are
// rows of instances: more than the generic form's fields say. The optional floating IP is associated on the load
// balancer's page once it is ACTIVE (`?fip=<external network>`, vip-floating-ip.tsx).
import { useTranslations } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { FormFooter, FormHeading } from '@/components/resource/form-parts';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useServerNames } from '@/lib/resources/compute/queries';
import { useProjectRouters, useVisibleSubnets } from '@/lib/resources/network/floating-ip-queries';
import { reachableSubnets } from '@/lib/resources/network/reachability';
import { useExternalNetworks } from '@/lib/resources/network/queries';
import { LB_ALGORITHMS, LB_CREATE_DEFAULTS, lbCreateCli, lbCreatePlan, LbCreateSchema, LISTENER_PROTOCOLS, MONITOR_TYPES, PERSISTENCE_TYPES, defaultPort, isHttpMonitor, type LbFormValues } from '@/lib/resources/load-balancer/create';
import { startLbCreate, useLbCreateRun } from '@/lib/resources/load-balancer/create-run';
import { loadBalancerDefinition } from '@/lib/resources/load-balancer/load-balancer';
import { useInvalidateKinds } from '@/lib/resources/queries';
import { useCertificateContainers, useProjectPorts } from '@/lib/resources/load-balancer/queries';
import { memberTargets, reachableFromVip, routedSubnets } from '@/lib/resources/load-balancer/tree';
import { LbCreateProgress } from './lb-create-progress';
import { LbQuotaPanel } from './quota';

const fieldset = 'space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800';
const legend = 'px-1 text-sm font-semibold';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4" />
      {label}
    </label>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={fieldset}>
      <legend className={legend}>{title}</legend>
      {children}
    </fieldset>
  );
}

export function LoadBalancerCreateForm() {
  const t = useTranslations('loadBalancer.create');
  const tc = useTranslations('common');
  const form = useZodForm(LbCreateSchema, LB_CREATE_DEFAULTS);
  const { values: v, field, set, errors } = form;
  const invalidate = useInvalidateKinds();
  const [runId, setRunId] = useState<string>();
  const run = useLbCreateRun({ run: runId });
  const [floatingPool, setFloatingPool] = useState('');
  const ports = useProjectPorts();
  const subnets = useVisibleSubnets();
  const externals = useExternalNetworks();
  const servers = useServerNames();
  const routers = useProjectRouters();
  const containers = useCertificateContainers(v.protocol === 'TERMINATED_HTTPS');

  const serverNames = useMemo(() => Object.fromEntries((servers.data ?? []).map((s) => [s.id, s.name])), [servers.data]);
  const routed = useMemo(() => routedSubnets(ports.data ?? []), [ports.data]);
  // Subnets with a router first (a VIP there can be reached from elsewhere); IPv4 only, external ones left out.
  const externalIds = new Set((externals.data ?? []).map((n) => n.id));
  const vipSubnets = (subnets.data ?? []).filter((s) => !externalIds.has(s.network_id) && s.ip_version !== 6).sort((a, b) => Number(routed.has(b.id)) - Number(routed.has(a.id)) || (a.name || a.id).localeCompare(b.name || b.id));
  const targets = useMemo(() => (v.vipSubnetId ? memberTargets(ports.data ?? [], reachableFromVip(ports.data ?? [], v.vipSubnetId), serverNames) : []), [ports.data, v.vipSubnetId, serverNames]);
  const subnetName = (id: string) => {
    const s = subnets.data?.find((x) => x.id === id);
    return s ? `${s.name || s.id} (${s.cidr})` : id;
  };

  const members = v.members;
  const setMember = (i: number, patch: Partial<LbFormValues['members'][number]>) => set('members', members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const addMember = () => {
    const free = targets.find((x) => !members.some((m) => m.target === x.value));
    set('members', [...members, { target: free?.value ?? '', name: free ? (serverNames[free.serverId] ?? '') : '', port: v.protocol === 'TERMINATED_HTTPS' ? '80' : v.port || '80', weight: '1' }]);
  };
  const chooseProtocol = (p: string) => {
    form.setValues((old) => ({ ...old, protocol: p, port: old.port === defaultPort(old.protocol) ? defaultPort(p) : old.port, monitorType: p === 'UDP' ? 'UDP-CONNECT' : old.monitorType === 'UDP-CONNECT' ? 'HTTP' : old.monitorType }));
  };
  const loadError = [ports, subnets, servers].find((q) => q.isError)?.error;
  // A floating IP reaches the VIP only through a router with an interface on its subnet and a gateway on that network.
  const fipUnreachable = !!v.floatingPool && !!v.vipSubnetId && !!routers.data && !reachableSubnets(ports.data ?? [], routers.data, v.floatingPool).has(v.vipSubnetId);

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-3xl space-y-5"
      onSubmit={form.submit((input) => {
        if (run && !run.finished) return;
        setFloatingPool(input.floatingPool);
        // The run outlives this page; the lists refetch when it ends, whatever page is showing.
        setRunId(startLbCreate(input.name.trim(), lbCreatePlan(input), () => void invalidate([loadBalancerDefinition.kind, ...(loadBalancerDefinition.invalidates ?? [])])));
      })}
    >
      <FormHeading title={t('title')} back="load-balancers" backLabel={t('back')} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      {!!loadError && <ApiErrorNotice title={t('loadFailed')} error={loadError} />}
      <LbQuotaPanel />

      <Section title={t('lbSection')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={tc('name')} {...field('name')} autoComplete="off" />
          <TextField label={tc('description')} {...field('description')} autoComplete="off" />
          <SelectField label={t('vipSubnet')} {...field('vipSubnetId')} onChange={(e) => form.setValues((old) => ({ ...old, vipSubnetId: e.target.value, members: [] }))} disabled={subnets.isPending}>
            <option value="">{subnets.isPending ? t('loadingSubnets') : t('chooseSubnet')}</option>
            {vipSubnets.map((s) => (
              <option key={s.id} value={s.id}>
                {routed.has(s.id) ? t('subnetRouted', { name: s.name || s.id, cidr: s.cidr }) : t('subnetNoRouter', { name: s.name || s.id, cidr: s.cidr })}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('floatingIp')} {...field('floatingPool')}>
            <option value="">{t('noFloatingIp')}</option>
            {(externals.data ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {t('newFloatingIpFrom', { network: n.name || n.id })}
              </option>
            ))}
          </SelectField>
        </div>
        {v.vipSubnetId && !routed.has(v.vipSubnetId) && <p className="text-sm text-amber-800 dark:text-amber-200">{t('noRouterNote')}</p>}
        {v.floatingPool && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('floatingNote')}</p>}
        {fipUnreachable && <p className="text-sm text-amber-800 dark:text-amber-200">{t('floatingUnreachable', { network: externals.data?.find((n) => n.id === v.floatingPool)?.name ?? v.floatingPool })}</p>}
      </Section>

      <Section title={t('listenerSection')}>
        <Check label={t('withListener')} checked={v.withListener} onChange={(x) => set('withListener', x)} />
        {v.withListener && (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label={t('protocol')} {...field('protocol')} onChange={(e) => chooseProtocol(e.target.value)}>
              {LISTENER_PROTOCOLS.map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </SelectField>
            <TextField label={t('port')} inputMode="numeric" {...field('port')} />
            {v.protocol === 'TERMINATED_HTTPS' && (
              <SelectField label={t('certificate')} {...field('tlsContainer')} disabled={containers.isPending}>
                <option value="">{containers.isPending ? t('loadingCertificates') : (containers.data ?? []).length ? t('chooseCertificate') : t('noCertificates')}</option>
                {(containers.data ?? []).map((c) => (
                  <option key={c.container_ref} value={c.container_ref}>{c.name || c.container_ref}</option>
                ))}
              </SelectField>
            )}
          </div>
        )}
        {v.withListener && v.protocol === 'TERMINATED_HTTPS' && containers.isError && <ApiErrorNotice title={t('certificatesFailed')} error={containers.error} />}
      </Section>

      {v.withListener && (
        <Section title={t('poolSection')}>
          <Check label={t('withPool')} checked={v.withPool} onChange={(x) => set('withPool', x)} />
          {v.withPool && (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField label={t('algorithm')} {...field('algorithm')}>
                  {LB_ALGORITHMS.map((a) => (
                    <option key={a} value={a}>{a}</option>
                  ))}
                </SelectField>
                <SelectField label={t('persistence')} {...field('persistence')}>
                  {PERSISTENCE_TYPES.map((p) => (
                    <option key={p} value={p}>{p || t('noPersistence')}</option>
                  ))}
                </SelectField>
                {v.persistence === 'APP_COOKIE' && <TextField label={t('cookieName')} {...field('cookieName')} />}
              </div>
              <fieldset className="space-y-3">
                <legend className="text-sm font-medium">{t('members')}</legend>
                {!v.vipSubnetId ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('membersNeedSubnet')}</p>
                ) : targets.length === 0 ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noInstances', { subnet: subnetName(v.vipSubnetId) })}</p>
                ) : (
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('membersHint', { subnet: subnetName(v.vipSubnetId) })}</p>
                )}
                {members.map((m, i) => (
                  <div key={i} className="grid items-end gap-3 sm:grid-cols-[minmax(0,2fr)_6rem_5rem_auto]">
                    <SelectField
                      label={t('memberInstance', { n: i + 1 })}
                      value={m.target}
                      error={errors[`members.${i}.target`]}
                      onChange={(e) => {
                        const target = targets.find((x) => x.value === e.target.value);
                        setMember(i, { target: e.target.value, name: target ? (serverNames[target.serverId] ?? m.name) : m.name });
                      }}
                    >
                      <option value="">{t('chooseInstance')}</option>
                      {targets.map((x) => (
                        <option key={x.value} value={x.value}>
                          {t('instanceAddress', { instance: serverNames[x.serverId] ?? x.serverId, address: x.address })}
                        </option>
                      ))}
                    </SelectField>
                    <TextField label={t('memberPort', { n: i + 1 })} inputMode="numeric" value={m.port} error={errors[`members.${i}.port`]} onChange={(e) => setMember(i, { port: e.target.value })} />
                    <TextField label={t('memberWeight', { n: i + 1 })} inputMode="numeric" value={m.weight} error={errors[`members.${i}.weight`]} onChange={(e) => setMember(i, { weight: e.target.value })} />
                    <button type="button" className={buttonClass.secondary} onClick={() => set('members', members.filter((_, j) => j !== i))}>
                      {t('removeMember', { n: i + 1 })}
                    </button>
                  </div>
                ))}
                {v.vipSubnetId && targets.length > members.length && (
                  <button type="button" className={buttonClass.secondary} onClick={addMember}>
                    {t('addMember')}
                  </button>
                )}
              </fieldset>
            </>
          )}
        </Section>
      )}

      {v.withListener && v.withPool && (
        <Section title={t('monitorSection')}>
          <Check label={t('withMonitor')} checked={v.withMonitor} onChange={(x) => set('withMonitor', x)} />
          {v.withMonitor && (
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField label={t('monitorType')} {...field('monitorType')}>
                {MONITOR_TYPES.map((m) => (
                  <option key={m} value={m}>{m}</option>
                ))}
              </SelectField>
              <TextField label={t('delay')} inputMode="numeric" {...field('delay')} />
              <TextField label={t('timeout')} inputMode="numeric" {...field('timeout')} />
              <TextField label={t('maxRetries')} inputMode="numeric" {...field('maxRetries')} />
              {isHttpMonitor(v.monitorType) && <TextField label={t('urlPath')} {...field('urlPath')} />}
            </div>
          )}
        </Section>
      )}

      <FormFooter cli={lbCreateCli(v)} submit={t('submit')} pendingLabel={t('creating')} pending={!!run && !run.finished} cancelTo="load-balancers" />
      {run && <LbCreateProgress run={run} floatingPool={floatingPool} />}
    </form>
  );
}
