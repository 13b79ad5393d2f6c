// Keystone application credentials of the logged-in user (GET/POST /v3/users/{user_id}/application_credentials).
// Every user may hold them; the secret is answered once, by the create, and never again. The definition is built
// per user (the path names the user) and offers the session's roles as the subset a credential may carry.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';

const RoleRefSchema = z.looseObject({ id: z.string().optional(), name: z.string().optional() });
const AccessRuleSchema = z.looseObject({ id: z.string().optional(), service: z.string(), method: z.string(), path: z.string() });
export type AccessRule = z.infer<typeof AccessRuleSchema>;

export const AppCredentialSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  project_id: z.string().optional(),
  expires_at: z.string().nullish(),
  unrestricted: z.boolean().nullish(),
  roles: z.array(RoleRefSchema).optional(),
  access_rules: z.array(AccessRuleSchema).optional(),
});
export type AppCredential = z.infer<typeof AppCredentialSchema>;

/** The create's answer: the credential with its secret (the only time Keystone sends it). */
export const CreatedAppCredentialSchema = AppCredentialSchema.extend({ secret: z.string().min(1) });
export type CreatedAppCredential = z.infer<typeof CreatedAppCredentialSchema>;

/** The methods Keystone's access rules take (keystone/api/schemas: `^(POST|GET|HEAD|PATCH|PUT|DELETE)$`). */
export const ACCESS_RULE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const AccessRuleRowSchema = z
  .object({ service: z.string().trim(), method: z.string().trim(), path: z.string().trim() })
  .superRefine((r, ctx) => {
    if (!r.service) ctx.addIssue({ code: 'custom', path: ['service'], message: 'kinds.applicationCredential.errors.ruleService' });
    if (!(ACCESS_RULE_METHODS as readonly string[]).includes(r.method)) ctx.addIssue({ code: 'custom', path: ['method'], message: 'kinds.applicationCredential.errors.ruleMethod' });
    if (!r.path.startsWith('/')) ctx.addIssue({ code: 'custom', path: ['path'], message: 'kinds.applicationCredential.errors.rulePath' });
  });

/** `datetime-local` value (to the minute or the second), taken as UTC as the CLI's `--expiration` is. */
const isoUtc = (local: string) => `${local.length === 16 ? `${local}:00` : local}Z`;

export const AppCredentialCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.applicationCredential.errors.nameRequired' }).max(255, { error: 'kinds.applicationCredential.errors.nameLength' }),
    description: z.string().trim().max(255, { error: 'kinds.applicationCredential.errors.descriptionLength' }),
    expiresAt: z.string().trim(),
    roles: z.array(z.string()),
    unrestricted: z.boolean(),
    // A row left wholly empty is no rule (the form starts with none).
    accessRules: z.array(z.object({ service: z.string(), method: z.string(), path: z.string() })).transform((rows) => rows.filter((r) => r.service.trim() || r.path.trim())).pipe(z.array(AccessRuleRowSchema)),
    /** Injected for validation: the current time in ms. */
    now: z.number(),
  })
  .superRefine((v, ctx) => {
    if (!v.expiresAt) return;
    const when = Date.parse(isoUtc(v.expiresAt));
    if (Number.isNaN(when)) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'kinds.applicationCredential.errors.notDate' });
    else if (when <= v.now) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'kinds.applicationCredential.errors.pastExpiry' });
  });
export type AppCredentialCreate = z.infer<typeof AppCredentialCreateSchema>;

export const appCredentialsPath = (userId: string) => `users/${encodeURIComponent(userId)}/application_credentials`;

/** The POST: roles by name (Keystone looks names up), none = all the token's roles; access rules as given. */
export function appCredentialCreateRequest(userId: string, i: AppCredentialCreate): ApiRequest {
  const body: Record<string, unknown> = { name: i.name };
  if (i.description) body.description = i.description;
  if (i.expiresAt) body.expires_at = isoUtc(i.expiresAt);
  if (i.roles.length) body.roles = i.roles.map((name) => ({ name }));
  if (i.unrestricted) body.unrestricted = true;
  if (i.accessRules.length) body.access_rules = i.accessRules;
  return { method: 'POST', path: appCredentialsPath(userId), body: { application_credential: body } };
}

/** `openstack application credential create`; access rules go as the JSON list the CLI takes. */
export function appCredentialCreateCli(i: Partial<AppCredentialCreate>): string {
  return command(
    'openstack application credential create',
    { '--description': i.description || undefined, '--expiration': i.expiresAt ? isoUtc(i.expiresAt).slice(0, 19) : undefined },
    ...(i.roles ?? []).flatMap((r) => ['--role', r]),
    { '--unrestricted': !!i.unrestricted, '--access-rules': i.accessRules?.length ? JSON.stringify(i.accessRules) : undefined },
    i.name || '<name>',
  );
}

const roleNames = (c: AppCredential) => (c.roles ?? []).map((r) => r.name ?? r.id ?? '');
const ruleText = (a: AccessRule) => `${a.method} ${a.service} ${a.path}`;
const expiry = (c: AppCredential) => (c.expires_at ? msg('kinds.applicationCredential.expiresOn', { when: c.expires_at }) : msg('kinds.applicationCredential.never', {}));

/** What the page needs to know of the user: whose credentials, and the roles they may pass on. */
export interface CredentialOwner {
  userId: string;
  roles: readonly string[];
}

export function appCredentialDefinition(owner: CredentialOwner): ResourceDefinition<AppCredential, AppCredentialCreate> {
  const base = appCredentialsPath(owner.userId);
  return define<AppCredential, AppCredentialCreate>({
    kind: 'application-credential',
    slug: 'application-credentials',
    label: { singular: 'kinds.applicationCredential.singular', plural: 'kinds.applicationCredential.plural', noun: 'kinds.applicationCredential.noun' },
    ...rest({ service: 'identity' }, base, 'application_credential', { listKey: 'application_credentials' }),
    schema: AppCredentialSchema,
    filters: [nameFilter],
    columns: [
      nameColumn((c) => c.name),
      { id: 'description', label: 'common.description', value: (c) => c.description ?? '' },
      { id: 'roles', label: 'kinds.applicationCredential.columns.roles', value: roleNames, cell: 'list' },
      { id: 'expires', label: 'kinds.applicationCredential.columns.expires', value: expiry },
      { id: 'unrestricted', label: 'kinds.applicationCredential.columns.unrestricted', value: (c) => msg(c.unrestricted ? 'common.yes' : 'common.no', {}) },
      { id: 'rules', label: 'kinds.applicationCredential.columns.accessRules', value: (c) => (c.access_rules ?? []).map(ruleText), cell: 'list' },
      idColumn((c) => c.id, { hidden: false }),
    ],
    defaultSort: { column: 'name', dir: 'asc' },
    actions: [
      deleteAction({
        title: 'kinds.applicationCredential.confirm.deleteTitle',
        path: (c) => `${base}/${c.id}`,
        cli: (c) => `openstack application credential delete ${c.id}`,
        body: (r) => msg('kinds.applicationCredential.confirm.deleteBody', { count: r.length, names: rowNames(r, (c) => c.name).names }),
      }),
    ],
    create: {
      schema: AppCredentialCreateSchema,
      explain: 'kinds.applicationCredential.form.explain',
      fields: [
        { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
        { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
        { name: 'expiresAt', label: 'kinds.applicationCredential.fields.expiresAt', type: 'datetime', hint: 'kinds.applicationCredential.fields.expiresAtHint' },
        { name: 'roles', label: 'kinds.applicationCredential.fields.roles', type: 'checkboxes', options: owner.roles.map((r) => ({ value: r, label: r })), hint: 'kinds.applicationCredential.fields.rolesHint' },
        { name: 'unrestricted', label: 'kinds.applicationCredential.fields.unrestricted', type: 'checkbox' },
        {
          name: 'accessRules', label: 'kinds.applicationCredential.fields.accessRules', type: 'rows', hint: 'kinds.applicationCredential.fields.accessRulesHint',
          rows: {
            columns: [
              { name: 'service', label: 'kinds.applicationCredential.fields.ruleService', placeholder: 'kinds.applicationCredential.fields.ruleServicePlaceholder', narrow: true },
              { name: 'method', label: 'kinds.applicationCredential.fields.ruleMethod', choices: () => ACCESS_RULE_METHODS },
              { name: 'path', label: 'kinds.applicationCredential.fields.rulePath', placeholder: 'kinds.applicationCredential.fields.rulePathPlaceholder', mono: true },
            ],
            empty: { service: '', method: 'GET', path: '' },
            add: 'kinds.applicationCredential.fields.addRule',
            remove: (n) => msg('kinds.applicationCredential.fields.removeRule', { n }),
          },
        },
      ],
      defaults: { name: '', description: '', expiresAt: '', roles: [], unrestricted: false, accessRules: [] },
      input: (v) => ({ ...v, now: Date.now() }),
      request: (i) => appCredentialCreateRequest(owner.userId, i),
      cli: appCredentialCreateCli,
      responseKey: 'application_credential',
      submitLabel: 'kinds.applicationCredential.form.submit',
      errorTitle: 'kinds.applicationCredential.form.errorTitle',
      breadcrumb: true,
      cancelLink: true,
      created: (body) => CreatedAppCredentialSchema.safeParse((body as { application_credential?: unknown } | undefined)?.application_credential).data,
    },
    cli: { list: 'openstack application credential list', show: (c) => `openstack application credential show ${c.id}` },
  });
}
