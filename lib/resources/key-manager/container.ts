// Barbican v1 secret containers: named groups of secret refs. `generic` takes any reference names; `certificate`
// and `rsa` take fixed ones (api-ref containers.inc; Barbican's validators.ContainerValidator).
import { z } from 'zod';
import { command } from '../cli';
import { choices, nameColumn, nameFilter } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { barbicanKind, KEY_MANAGER_SERVICE, refId } from './secret';

export const CONTAINER_TYPES = ['generic', 'certificate', 'rsa'] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/** Reference names a typed container accepts, the required ones first. */
export const CONTAINER_REF_NAMES: Record<Exclude<ContainerType, 'generic'>, { required: string[]; optional: string[] }> = {
  certificate: { required: ['certificate'], optional: ['private_key', 'private_key_passphrase', 'intermediates'] },
  rsa: { required: ['public_key', 'private_key'], optional: ['private_key_passphrase'] },
};

export const ContainerSchema = z.looseObject({
  container_ref: z.string().min(1),
  name: z.string().nullable().optional(),
  type: z.string(),
  status: z.string().optional(),
  secret_refs: z.array(z.looseObject({ name: z.string().nullable().optional(), secret_ref: z.string() })).default([]),
  creator_id: z.string().nullable().optional(),
  created: z.string().optional(),
  updated: z.string().nullable().optional(),
});
export type Container = z.infer<typeof ContainerSchema>;
type SecretRef = Container['secret_refs'][number];

// ---- create ----

// Every rule is in one superRefine over plain strings: zod skips an object's refinements when a field fails, and
// the form should name every problem at once (an empty name and a missing certificate together).
export const ContainerCreateSchema = z
  .object({
    name: z.string(),
    type: z.enum(CONTAINER_TYPES),
    refs: z.array(z.object({ name: z.string(), secret_ref: z.string() })),
  })
  .superRefine((v, ctx) => {
    const name = v.name.trim();
    if (!name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter a name' });
    else if (name.length > 255) ctx.addIssue({ code: 'custom', path: ['name'], message: 'At most 255 characters' });
    if (!v.refs.length) ctx.addIssue({ code: 'custom', path: ['refs'], message: 'Add at least one secret' });
    const names = v.refs.map((r) => r.name.trim());
    v.refs.forEach((r, i) => {
      if (!names[i]) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: 'Give the reference a name' });
      else if (names.indexOf(names[i]) !== i) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: `${names[i]} is used twice` });
      if (!r.secret_ref) ctx.addIssue({ code: 'custom', path: ['refs', i, 'secret_ref'], message: 'Pick a secret' });
    });
    if (v.type === 'generic') return;
    const allowed = CONTAINER_REF_NAMES[v.type];
    const all = [...allowed.required, ...allowed.optional];
    names.forEach((n, i) => {
      if (n && !all.includes(n)) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: `A ${v.type} container takes ${all.join(', ')}` });
    });
    if (allowed.required.some((r) => !names.includes(r))) ctx.addIssue({ code: 'custom', path: ['refs'], message: `A ${v.type} container needs ${allowed.required.join(' and ')}` });
  });
export type ContainerCreateInput = z.infer<typeof ContainerCreateSchema>;

export function containerCreateRequest(input: ContainerCreateInput): ApiRequest {
  return {
    method: 'POST',
    path: 'v1/containers',
    body: { name: input.name.trim(), type: input.type, secret_refs: input.refs.map((r) => ({ name: r.name.trim(), secret_ref: r.secret_ref })) },
  };
}

export function containerCreateCli(input: { name: string; type: string; refs: { name: string; secret_ref: string }[] }): string {
  return command(
    'openstack', 'secret', 'container', 'create',
    '--name', input.name.trim() || '<name>',
    '--type', input.type,
    ...input.refs.flatMap((r) => ['--secret', `${r.name.trim() || '<name>'}=${r.secret_ref || '<secret-ref>'}`]),
  );
}

/** The reference names a typed container takes; none for a generic one (or a value that is no type). */
const typed = (type: unknown) => (typeof type === 'string' && type in CONTAINER_REF_NAMES ? CONTAINER_REF_NAMES[type as Exclude<ContainerType, 'generic'>] : undefined);
/** A new form's rows for a type: one per required name, or one empty row. */
const refsFor = (type: string): Record<string, string>[] => typed(type)?.required.map((name) => ({ name, secret_ref: '' })) ?? [{ name: '', secret_ref: '' }];
/** A typed container's reference names (required first), none for a generic one. */
const typedNames = (type: unknown): string[] | undefined => {
  const t = typed(type);
  return t && [...t.required, ...t.optional];
};
const container = barbicanKind<Container>('containers', (c) => c.container_ref, ['secret', 'container']);

export const containerDefinition: ResourceDefinition<Container> = {
  kind: 'secret-container',
  slug: 'secret-containers',
  label: { singular: 'Secret container', plural: 'Secret containers' },
  ...container.head,
  schema: ContainerSchema,
  columns: [
    nameColumn(container.label),
    { id: 'type', label: 'Type', value: (c) => c.type },
    { id: 'secrets', label: 'Secrets', value: (c) => c.secret_refs.map((r) => r.name || refId(r.secret_ref)), cell: 'list', sensitive: 'secretName' },
    ...container.lastColumns(),
  ],
  filters: [
    nameFilter,
    { id: 'type', label: 'Type', type: 'select', options: choices(CONTAINER_TYPES) },
  ],
  actions: [
    container.deleteAction('container', (names, n) => `This deletes ${names}. The secrets ${n === 1 ? 'it references' : 'they reference'} are kept.`),
  ],
  overview: container.overview('Container ref', [
    { label: 'Type', value: (c) => c.type },
    { label: 'Status', value: (c) => c.status ?? '' },
  ]),
  tables: [
    {
      heading: 'Secrets', label: 'Container secrets', empty: 'This container references no secrets.',
      rows: (c) => c.secret_refs,
      columns: [
        { label: 'Reference name', value: (r: SecretRef) => r.name ?? '—', mono: true },
        { label: 'Secret', value: (r: SecretRef) => refId(r.secret_ref), mono: true, link: (r: SecretRef) => ({ slug: 'secrets', rest: encodeURIComponent(refId(r.secret_ref)) }) },
      ],
    },
  ],
  // A container from existing secrets: pick each secret and give it a reference name (fixed names for typed containers).
  create: {
    schema: ContainerCreateSchema,
    title: 'Create a secret container',
    submitLabel: 'Create container',
    errorTitle: 'Could not create the container',
    cancelLink: true,
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'type', label: 'Container type', type: 'select', options: choices(CONTAINER_TYPES), resets: (type) => ({ refs: refsFor(type) }) },
      {
        name: 'refs', label: 'Secrets', type: 'rows',
        rows: {
          columns: [
            { name: 'name', label: 'Reference name', choices: (v) => typedNames(v.type) },
            {
              name: 'secret_ref', label: 'Secret',
              optionsFrom: {
                service: KEY_MANAGER_SERVICE, kind: 'secret', path: 'v1/secrets?sort=name%3Aasc&limit=100', key: 'secrets',
                value: (o) => String(o.secret_ref), label: (o) => `${(o.name as string | null | undefined) || refId(String(o.secret_ref))} (${String(o.secret_type)})`,
                noun: 'secret', choose: 'Choose a secret…', none: 'Choose a secret…', loadError: 'Could not list the secrets',
              },
            },
          ],
          empty: { name: '', secret_ref: '' },
          add: 'Add a secret',
          remove: (n) => `Remove row ${n}`,
          max: (v) => typedNames(v.type)?.length,
          note: (v) => {
            const t = typed(v.type);
            return t && `A ${String(v.type)} container takes ${t.required.join(' and ')} (required) and ${t.optional.join(', ')}.`;
          },
        },
      },
    ],
    defaults: { name: '', type: 'generic', refs: refsFor('generic') },
    request: containerCreateRequest,
    cli: containerCreateCli,
    // Barbican answers only the new container's ref: enough for its id (the page it opens).
    created: (body) => {
      const ref = (body as { container_ref?: unknown } | undefined)?.container_ref;
      return typeof ref === 'string' ? ({ container_ref: ref } as Container) : undefined;
    },
  },
  cli: { list: 'openstack secret container list', show: container.show },
};
