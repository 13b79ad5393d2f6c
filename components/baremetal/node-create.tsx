'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { nodeCreateCli, nodeCreateRequest, NodeCreateSchema, NodeSchema, type NodeCreate } from '@/lib/resources/baremetal/node';
import { BaremetalAdminGate } from './admin-gate';
import { useDrivers, useIronicCall } from './data';

type Values = Omit<NodeCreate, 'driverInfo'> & { driverInfo: { key: string; value: string }[] };
const EMPTY: Values = { name: '', driver: '', driverInfo: [{ key: '', value: '' }], cpus: '', memory_mb: '', local_gb: '', cpu_arch: '', resource_class: '' };

export function NodeCreatePage() {
  return (
    <BaremetalAdminGate>
      <NodeCreateForm />
    </BaremetalAdminGate>
  );
}

/** Enroll a node: POST /v1/nodes. It starts in `enroll`; manage and provide it from its page. */
function NodeCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const drivers = useDrivers();
  const form = useZodForm(NodeCreateSchema, EMPTY);
  const { values: v, set, errors, field } = form;
  const create = useIronicCall((i: NodeCreate) => nodeCreateRequest(i), (body) => {
    const node = NodeSchema.safeParse(body);
    router.push(node.success ? href('nodes', node.data.uuid) : href('nodes'));
  });
  const setInfo = (i: number, part: 'key' | 'value', val: string) => set('driverInfo', v.driverInfo.map((r, j) => (j === i ? { ...r, [part]: val } : r)));
  const driverList = drivers.data ?? [];

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={href('nodes')} className="text-brand-700 hover:underline dark:text-brand-300">
          Nodes
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Enroll node</h1>
      <form
        noValidate
        aria-label="Enroll node"
        className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={form.submit((input) => create.mutate(input))}
      >
        <TextField label="Name" {...field('name')} hint="Optional. Letters, digits and - . _ ~" />
        <SelectField label="Driver" {...field('driver')} disabled={drivers.isPending}>
          <option value="">{drivers.isPending ? 'Loading drivers…' : driverList.length ? 'Choose a driver' : 'No driver is enabled'}</option>
          {driverList.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
        </SelectField>
        {drivers.isError && <ApiErrorNotice title="Could not load the drivers" error={drivers.error} />}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Driver info</legend>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">How the conductor reaches the hardware (e.g. ipmi_address, redfish_address, deploy_kernel).</p>
          {v.driverInfo.map((r, i) => (
            <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <TextField label={`Driver info key ${i + 1}`} value={r.key} error={errors[`driverInfo.${i}.key`]} onChange={(e) => setInfo(i, 'key', e.target.value)} />
              <TextField label={`Driver info value ${i + 1}`} value={r.value} error={errors[`driverInfo.${i}.value`]} onChange={(e) => setInfo(i, 'value', e.target.value)} />
              <button type="button" className={`${buttonClass.secondary} mt-6`} aria-label={`Remove driver info ${i + 1}`} onClick={() => set('driverInfo', v.driverInfo.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <button type="button" className={buttonClass.secondary} onClick={() => set('driverInfo', [...v.driverInfo, { key: '', value: '' }])}>
            Add driver info
          </button>
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Properties (for scheduling)</legend>
          <TextField label="CPUs" inputMode="numeric" {...field('cpus')} />
          <TextField label="Memory (MiB)" inputMode="numeric" {...field('memory_mb')} />
          <TextField label="Local disk (GiB)" inputMode="numeric" {...field('local_gb')} />
          <TextField label="CPU architecture" placeholder="x86_64" {...field('cpu_arch')} />
        </fieldset>
        <TextField label="Resource class" placeholder="baremetal" {...field('resource_class')} hint="Nova flavors match nodes by resource class." />
        {create.isError && <ApiErrorNotice title="Could not enroll the node" error={create.error} />}
        <CliHint>{nodeCreateCli(v)}</CliHint>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
            Enroll node
          </button>
          <Link href={href('nodes')} className={buttonClass.secondary}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
