'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextField } from '@/components/ui/field';
import { osCall, useProjectScope, useResourceHref, useResourceList } from '@/lib/resources/hooks';
import { CONTAINER_REF_NAMES, CONTAINER_TYPES, containerCreateCli, containerCreateRequest, ContainerCreateSchema, containerDefinition, type ContainerCreateInput, type ContainerType } from '@/lib/resources/key-manager/container';
import { refId, secretDefinition } from '@/lib/resources/key-manager/secret';

type Ref = { name: string; secret_ref: string };
const refsFor = (type: ContainerType): Ref[] => (type === 'generic' ? [{ name: '', secret_ref: '' }] : CONTAINER_REF_NAMES[type].required.map((name) => ({ name, secret_ref: '' })));

/** A container from existing secrets: pick each secret and give it a reference name (fixed names for typed containers). */
export function ContainerCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const secrets = useResourceList(secretDefinition, { filters: {}, limit: 100, sort: { column: 'name', dir: 'asc' } });
  // Whole-form errors by field; the rows' own errors by `refs.<i>.<field>`.
  const form = useZodForm(ContainerCreateSchema, { name: '', type: 'generic' as ContainerType, refs: refsFor('generic') });
  const { values, errors } = form;
  const { type, refs } = values;
  const setRefs = (f: (rs: Ref[]) => Ref[]) => form.setValues((v) => ({ ...v, refs: f(v.refs) }));
  const create = useMutation({
    mutationFn: (input: ContainerCreateInput) => osCall<{ container_ref?: string }>(containerDefinition, containerCreateRequest(input)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, containerDefinition.kind] }),
  });
  const typed = type === 'generic' ? null : CONTAINER_REF_NAMES[type];
  const names = typed ? [...typed.required, ...typed.optional] : [];
  const setRef = (i: number, patch: Partial<Ref>) => setRefs((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form
      noValidate
      aria-label="Create a secret container"
      className="mx-auto max-w-2xl space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        const body = await create.mutateAsync(input);
        const id = refId(body?.container_ref);
        router.push(id ? href('secret-containers', encodeURIComponent(id)) : href('secret-containers'));
      })}
    >
      <h1 className="text-2xl font-semibold tracking-tight">Create a secret container</h1>
      <TextField label="Name" {...form.field('name')} />
      <SelectField
        label="Container type"
        value={type}
        onChange={(e) => {
          const t = e.target.value as ContainerType;
          form.setValues((v) => ({ ...v, type: t, refs: refsFor(t) }));
          form.setErrors({});
        }}
      >
        {CONTAINER_TYPES.map((t) => (
          <option key={t} value={t}>{t}</option>
        ))}
      </SelectField>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Secrets</legend>
        {typed && <p className="text-xs text-zinc-500 dark:text-zinc-400">A {type} container takes {typed.required.join(' and ')} (required) and {typed.optional.join(', ')}.</p>}
        {secrets.isError && <ApiErrorNotice title="Could not list the secrets" error={secrets.error} />}
        {refs.map((r, i) => (
          <div key={i} className="grid items-start gap-2 sm:grid-cols-[1fr_1.5fr_auto]">
            {typed ? (
              <SelectField label={`Reference name ${i + 1}`} value={r.name} error={errors[`refs.${i}.name`]} onChange={(e) => setRef(i, { name: e.target.value })}>
                <option value="">Choose…</option>
                {names.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </SelectField>
            ) : (
              <TextField label={`Reference name ${i + 1}`} value={r.name} error={errors[`refs.${i}.name`]} onChange={(e) => setRef(i, { name: e.target.value })} />
            )}
            <SelectField label={`Secret ${i + 1}`} value={r.secret_ref} error={errors[`refs.${i}.secret_ref`]} onChange={(e) => setRef(i, { secret_ref: e.target.value })}>
              <option value="">{secrets.isPending ? 'Loading secrets…' : 'Choose a secret…'}</option>
              {(secrets.data?.items ?? []).map((s) => (
                <option key={s.secret_ref} value={s.secret_ref}>
                  {s.name || refId(s.secret_ref)} ({s.secret_type})
                </option>
              ))}
            </SelectField>
            <button type="button" className={`${buttonClass.ghost} mt-6`} aria-label={`Remove row ${i + 1}`} disabled={refs.length === 1} onClick={() => setRefs((rs) => rs.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        {errors.refs && <p className="text-sm text-red-600 dark:text-red-400">{errors.refs}</p>}
        <button type="button" className={buttonClass.secondary} disabled={!!typed && refs.length >= names.length} onClick={() => setRefs((rs) => [...rs, { name: '', secret_ref: '' }])}>
          Add a secret
        </button>
      </fieldset>
      {create.isError && <ApiErrorNotice title="Could not create the container" error={create.error} />}
      <CliHint>{containerCreateCli(values)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          Create container
        </button>
        <Link href={href('secret-containers')} className={buttonClass.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
