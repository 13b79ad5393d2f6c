// Barbican v1 secret containers: named groups of secret refs. `generic` takes any reference names; `certificate`
// and `rsa` take fixed ones (api-ref containers.inc; Barbican's validators.ContainerValidator).
import { z } from 'zod';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, nameColumn, nameFilter } from '../define';
import { issueText } from '@/lib/i18n/issue';
import type { ApiRequest, ResourceDefinition } from '../types';
import { barbicanKind, KEY_MANAGER_SERVICE, refId } from './secret';

export const CONTAINER_TYPES = ['generic', 'certificate', 'rsa'] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/** Reference names a typed container accepts, the required ones first. */
export const CONTAINER_REF_NAMES: Record<Exclude<ContainerType, 'generic'>, { required: string[]; optional: string[] }> = {
  certificate: { required: ['certificate'], optional: ['private_key', 'private_key_passphrase', 'intermediates'] },
  rsa: { required: ['public_key', 'private_key'], optional: ['private_key_passphrase'] },
};

/** What a typed container takes, in whole sentences that list its reference names (those above). */
const TYPE_TEXTS: Record<Exclude<ContainerType, 'generic'>, { takes: MsgKey; needs: MsgKey; note: MsgKey }> = {
  certificate: { takes: 'kinds.secretContainer.errors.certificateTakes', needs: 'kinds.secretContainer.errors.certificateNeeds', note: 'kinds.secretContainer.form.certificateNote' },
  rsa: { takes: 'kinds.secretContainer.errors.rsaTakes', needs: 'kinds.secretContainer.errors.rsaNeeds', note: 'kinds.secretContainer.form.rsaNote' },
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
    if (!name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'kinds.secretContainer.errors.nameRequired' });
    else if (name.length > 255) ctx.addIssue({ code: 'custom', path: ['name'], message: 'kinds.secretContainer.errors.maxLength' });
    if (!v.refs.length) ctx.addIssue({ code: 'custom', path: ['refs'], message: 'kinds.secretContainer.errors.addSecret' });
    const names = v.refs.map((r) => r.name.trim());
    v.refs.forEach((r, i) => {
      if (!names[i]) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: 'kinds.secretContainer.errors.nameReference' });
      // A message with a value travels through zod as its JSON (network/issue.ts).
      else if (names.indexOf(names[i]) !== i) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: issueText(msg('kinds.secretContainer.errors.usedTwice', { name: names[i] })) });
      if (!r.secret_ref) ctx.addIssue({ code: 'custom', path: ['refs', i, 'secret_ref'], message: 'kinds.secretContainer.errors.pickSecret' });
    });
    if (v.type === 'generic') return;
    const allowed = CONTAINER_REF_NAMES[v.type];
    const texts = TYPE_TEXTS[v.type];
    const all = [...allowed.required, ...allowed.optional];
    names.forEach((n, i) => {
      if (n && !all.includes(n)) ctx.addIssue({ code: 'custom', path: ['refs', i, 'name'], message: texts.takes });
    });
    if (allowed.required.some((r) => !names.includes(r))) ctx.addIssue({ code: 'custom', path: ['refs'], message: texts.needs });
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
  label: { singular: 'kinds.secretContainer.singular', plural: 'kinds.secretContainer.plural', noun: 'kinds.secretContainer.noun' },
  ...container.head,
  schema: ContainerSchema,
  columns: [
    nameColumn(container.label),
    { id: 'type', label: 'common.type', value: (c) => c.type },
    { id: 'secrets', label: 'kinds.secret.plural', value: (c) => c.secret_refs.map((r) => r.name || refId(r.secret_ref)), cell: 'list', sensitive: 'secretName' },
    ...container.lastColumns(),
  ],
  filters: [
    nameFilter,
    { id: 'type', label: 'common.type', type: 'select', options: choices(CONTAINER_TYPES) },
  ],
  actions: [
    container.deleteAction('kinds.secretContainer.confirm.deleteTitle', 'kinds.secretContainer.confirm.deleteBody'),
  ],
  overview: container.overview('kinds.secretContainer.fields.ref', [
    { label: 'common.type', value: (c) => c.type },
    { label: 'common.status', value: (c) => c.status ?? '' },
  ]),
  tables: [
    {
      heading: 'kinds.secret.plural', label: 'kinds.secretContainer.table.label', empty: 'kinds.secretContainer.table.empty',
      rows: (c) => c.secret_refs,
      columns: [
        { label: 'kinds.secretContainer.fields.referenceName', value: (r: SecretRef) => r.name ?? '—', mono: true },
        { label: 'kinds.secret.singular', value: (r: SecretRef) => refId(r.secret_ref), mono: true, link: (r: SecretRef) => ({ slug: 'secrets', rest: encodeURIComponent(refId(r.secret_ref)) }) },
      ],
    },
  ],
  // A container from existing secrets: pick each secret and give it a reference name (fixed names for typed containers).
  create: {
    schema: ContainerCreateSchema,
    title: 'kinds.secretContainer.create.title',
    submitLabel: 'kinds.secretContainer.create.submit',
    errorTitle: 'kinds.secretContainer.create.errorTitle',
    cancelLink: true,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'type', label: 'kinds.secretContainer.form.type', type: 'select', options: choices(CONTAINER_TYPES), resets: (type) => ({ refs: refsFor(type) }) },
      {
        name: 'refs', label: 'kinds.secret.plural', type: 'rows',
        rows: {
          columns: [
            { name: 'name', label: 'kinds.secretContainer.fields.referenceName', choices: (v) => typedNames(v.type) },
            {
              name: 'secret_ref', label: 'kinds.secret.singular',
              optionsFrom: {
                service: KEY_MANAGER_SERVICE, kind: 'secret', path: 'v1/secrets?sort=name%3Aasc&limit=100', key: 'secrets',
                value: (o) => String(o.secret_ref), label: (o) => `${(o.name as string | null | undefined) || refId(String(o.secret_ref))} (${String(o.secret_type)})`,
                noun: 'kinds.secret.noun', choose: 'kinds.secretContainer.form.chooseSecret', none: 'kinds.secretContainer.form.chooseSecret', loadError: 'kinds.secretContainer.form.loadError',
              },
            },
          ],
          empty: { name: '', secret_ref: '' },
          add: 'kinds.secretContainer.form.addSecret',
          remove: (n) => msg('kinds.secretContainer.form.removeRow', { n }),
          max: (v) => typedNames(v.type)?.length,
          note: (v) => (typed(v.type) ? TYPE_TEXTS[v.type as Exclude<ContainerType, 'generic'>].note : undefined),
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
