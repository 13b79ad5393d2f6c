// Barbican v1 secrets. A secret is named by its `secret_ref` URL; the id is its last path segment.
// The payload is never part of these objects: the detail page's reveal panel fetches it on demand, never cached.
import { z } from 'zod';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { command, sh } from '../cli';
import { ageColumn, choices, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn } from '../define';
import { metadataTab } from '../define-detail';
import type { ApiRequest, Column, OverviewField, ResourceDefinition, StatusInfo, Text } from '../types';

export const KEY_MANAGER_SERVICE = 'key-manager';

/** The id in a Barbican ref (`…/v1/secrets/<id>` or `…/v1/containers/<id>`), or '' when it is not one. */
export function refId(ref: string | null | undefined): string {
  if (!ref) return '';
  let path = ref;
  try {
    path = new URL(ref).pathname;
  } catch {
    // a bare path or id
  }
  const parts = path.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? '');
}

export const SECRET_TYPES = ['opaque', 'symmetric', 'public', 'private', 'passphrase', 'certificate'] as const;
export const PAYLOAD_CONTENT_TYPES = ['text/plain', 'application/octet-stream', 'application/pkcs8'] as const;

export const SecretSchema = z.looseObject({
  secret_ref: z.string().min(1),
  name: z.string().nullable().optional(),
  status: z.string().optional(),
  secret_type: z.string().nullable().optional(),
  algorithm: z.string().nullable().optional(),
  bit_length: z.number().nullable().optional(),
  mode: z.string().nullable().optional(),
  expiration: z.string().nullable().optional(),
  content_types: z.record(z.string(), z.string()).nullable().optional(),
  creator_id: z.string().nullable().optional(),
  created: z.string().optional(),
  updated: z.string().nullable().optional(),
});
export type Secret = z.infer<typeof SecretSchema>;

export function secretStatus(s: Pick<Secret, 'status'>): StatusInfo {
  const st = s.status ?? 'UNKNOWN';
  if (st === 'ACTIVE') return { label: st, tone: 'ok' };
  if (st === 'PENDING') return { label: st, tone: 'busy' };
  if (st === 'ERROR') return { label: st, tone: 'error' };
  return { label: st, tone: 'unknown' };
}

const contentTypes = (s: Secret) => Object.entries(s.content_types ?? {}).map(([k, v]) => `${k}: ${v}`);

/** Barbican stores expiration as naive UTC (`2027-01-01T00:00:00`); shown with a Z so it reads unambiguously. */
export const utc = (t: string | null | undefined) => (t ? (/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`) : '');

/** What secrets and containers both hold besides their ref. */
type Stored = Pick<Secret, 'name' | 'status' | 'created' | 'updated' | 'creator_id'>;

/**
 * What the secret and container definitions share: the object is named by its ref URL (`ref`), its id is the ref's
 * last segment, lists page by offset, newest first, and the CLI takes the ref (`openstack <cli> get|delete <ref>`).
 */
export function barbicanKind<T extends Stored>(collection: 'secrets' | 'containers', ref: (row: T) => string, cli: readonly string[]) {
  const id = (row: T) => refId(ref(row));
  const label = (row: T) => row.name || id(row);
  const head = {
    ...rest({ service: KEY_MANAGER_SERVICE }, `v1/${collection}`, '', { encodeId: true }),
    id,
    name: (row: T) => row.name ?? '',
    status: secretStatus,
    pageSize: 50,
    paging: 'offset' as const,
    defaultSort: { column: 'age', dir: 'desc' as const },
  };
  const itemPath = (row: T) => head.paths.item(id(row));
  return {
    head,
    label,
    itemPath,
    /** Status, age and id: the last columns of both lists. */
    lastColumns: (ageSortKey?: string): Column<T>[] => [
      statusColumn((r) => r.status ?? ''),
      ageColumn((r) => utc(r.created), ageSortKey ? { sortKey: ageSortKey } : {}),
      idColumn(id),
    ],
    /** `title` a message of `count`, `body` one of `count` and the quoted `names`: what is lost. */
    deleteAction: (title: MsgKey, body: MsgKey) =>
      deleteAction<T>({
        title,
        path: itemPath,
        cli: (r) => command('openstack', ...cli, 'delete', ref(r)),
        body: (rows) => msg(body, { count: rows.length, ...rowNames(rows, label) }),
      }),
    /** The ref first, then `fields`, then the times and the creator. */
    overview: (refLabel: Text, fields: OverviewField<T>[]): OverviewField<T>[] => [
      { label: refLabel, value: ref, mono: true },
      ...fields,
      { label: 'common.created', value: (r) => utc(r.created) },
      { label: 'common.updated', value: (r) => utc(r.updated) },
      { label: 'kinds.secret.fields.creatorId', value: (r) => r.creator_id ?? '', mono: true },
    ],
    show: (r: T) => command('openstack', ...cli, 'get', ref(r)),
  };
}
const secret = barbicanKind<Secret>('secrets', (s) => s.secret_ref, ['secret']);

// ---- create ----

export const SecretCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.secret.errors.nameRequired' }).max(255, { error: 'kinds.secret.errors.maxLength' }),
    /** Text, or base64 of the file's bytes when `encoding` is base64. */
    payload: z.string().min(1, { error: 'kinds.secret.errors.payloadRequired' }),
    encoding: z.enum(['none', 'base64']),
    /** The file's name, for the CLI line only. */
    fileName: z.string(),
    payload_content_type: z.enum(PAYLOAD_CONTENT_TYPES),
    secret_type: z.enum(SECRET_TYPES),
    algorithm: z.string().trim().max(255, { error: 'kinds.secret.errors.maxLength' }),
    bit_length: z.string().trim().regex(/^(\d+)?$/, { error: 'kinds.secret.errors.bitsWhole' }).refine((v) => v === '' || Number(v) > 0, { error: 'kinds.secret.errors.bitsMin' }),
    mode: z.string().trim().max(255, { error: 'kinds.secret.errors.maxLength' }),
    /** `datetime-local` value, taken as UTC (Barbican stores naive UTC). */
    expiration: z.string().trim(),
    /** Injected for validation: the current time in ms. */
    now: z.number(),
  })
  .superRefine((v, ctx) => {
    if (v.expiration) {
      const when = Date.parse(utc(v.expiration.length === 16 ? `${v.expiration}:00` : v.expiration));
      if (Number.isNaN(when)) ctx.addIssue({ code: 'custom', path: ['expiration'], message: 'kinds.secret.errors.notDate' });
      else if (when <= v.now) ctx.addIssue({ code: 'custom', path: ['expiration'], message: 'kinds.secret.errors.pastExpiration' });
    }
    if (v.payload_content_type !== 'text/plain' && v.encoding !== 'base64') {
      ctx.addIssue({ code: 'custom', path: ['payload_content_type'], message: 'kinds.secret.errors.binaryNeedsFile' });
    }
  });
export type SecretCreateInput = z.infer<typeof SecretCreateSchema>;

const expirationValue = (e: string) => (e.length === 16 ? `${e}:00` : e);

/** POST /v1/secrets: one-step create with the payload (api-ref "Create a Secret"). */
export function secretCreateRequest(input: SecretCreateInput): ApiRequest {
  const body: Record<string, unknown> = {
    name: input.name.trim(),
    secret_type: input.secret_type,
    payload: input.payload,
    payload_content_type: input.payload_content_type,
  };
  if (input.encoding === 'base64') body.payload_content_encoding = 'base64';
  if (input.algorithm) body.algorithm = input.algorithm;
  if (input.bit_length) body.bit_length = Number(input.bit_length);
  if (input.mode) body.mode = input.mode;
  if (input.expiration) body.expiration = expirationValue(input.expiration);
  return { method: 'POST', path: 'v1/secrets', body };
}

/**
 * `openstack secret store`: the payload itself never appears, a shell variable or the file stands in. The client
 * defaults --algorithm aes, --bit-length 256, --mode cbc, so the line states what the form sends.
 * A file goes as its base64 text (`--payload "$(base64 < file | tr -d '\n')"`), as the form sends it: barbicanclient's
 * `--file` sends the raw bytes as UTF-8 text, so with `--payload-content-encoding base64` a binary file fails
 * ("'utf-8' codec can't decode") and a text file is taken for base64.
 */
export function secretStoreCli(input: Partial<SecretCreateInput>): string {
  const file = input.encoding === 'base64';
  return command(
    'openstack', 'secret', 'store',
    '--name', input.name?.trim() || '<name>',
    '--secret-type', input.secret_type ?? 'opaque',
    '--payload-content-type', input.payload_content_type ?? 'text/plain',
    ...(file ? ['--payload-content-encoding', 'base64'] : []),
    ...(input.algorithm ? ['--algorithm', input.algorithm] : []),
    ...(input.bit_length ? ['--bit-length', input.bit_length] : []),
    ...(input.mode ? ['--mode', input.mode] : []),
    ...(input.expiration ? ['--expiration', expirationValue(input.expiration)] : []),
  ) + (file ? ` --payload "$(base64 < ${sh(input.fileName || '<file>')} | tr -d '\\n')"` : ' --payload "$PAYLOAD"');
}

/** text/plain is served as text; everything else as bytes (Barbican serves any secret as octet-stream). */
export function payloadAccept(defaultType: string | undefined): string {
  if (!defaultType || defaultType.startsWith('text/plain')) return 'text/plain';
  return defaultType === 'application/pkcs8' ? 'application/pkcs8' : 'application/octet-stream';
}

/** `openstack secret get --payload`: prints the payload (barbicanclient asks for text/plain unless told). */
export function secretPayloadCli(s: Pick<Secret, 'secret_ref' | 'content_types'>): string {
  const ct = s.content_types?.default;
  return command('openstack', 'secret', 'get', '--payload', ...(ct && ct !== 'text/plain' ? ['--payload_content_type', ct] : []), s.secret_ref);
}

export const secretDefinition: ResourceDefinition<Secret, SecretCreateInput> = {
  kind: 'secret',
  slug: 'secrets',
  label: { singular: 'kinds.secret.singular', plural: 'kinds.secret.plural', noun: 'kinds.secret.noun' },
  ...secret.head,
  schema: SecretSchema,
  sensitiveName: 'secretName',
  sortQuery: (key, dir) => ({ sort: `${key}:${dir}` }),
  columns: [
    nameColumn(secret.label, { sortKey: 'name', sensitive: 'secretName' }),
    { id: 'type', label: 'kinds.secret.fields.secretType', value: (s) => s.secret_type ?? '', sortKey: 'secret_type' },
    { id: 'algorithm', label: 'kinds.secret.fields.algorithm', value: (s) => s.algorithm ?? '', sortKey: 'algorithm' },
    { id: 'bits', label: 'kinds.secret.fields.bitLength', value: (s) => s.bit_length ?? '', sortKey: 'bit_length' },
    { id: 'mode', label: 'kinds.secret.fields.mode', value: (s) => s.mode ?? '', sortKey: 'mode' },
    { id: 'content', label: 'kinds.secret.fields.contentTypes', value: contentTypes, cell: 'list' },
    { id: 'expiration', label: 'kinds.secret.fields.expiration', value: (s) => utc(s.expiration) || msg('kinds.secret.fields.never', {}), sortKey: 'expiration' },
    ...secret.lastColumns('created'),
  ],
  // GET /v1/secrets filters (api-ref secrets.inc): name, alg, mode, bits, secret_type; dates take gt:/lt: specs.
  filters: [
    nameFilter,
    { id: 'secret_type', label: 'kinds.secret.fields.secretType', type: 'select', options: choices(SECRET_TYPES) },
    { id: 'alg', label: 'kinds.secret.fields.algorithm', type: 'text' },
    { id: 'mode', label: 'kinds.secret.fields.mode', type: 'text' },
    { id: 'bits', label: 'kinds.secret.fields.bitLength', type: 'text' },
    {
      id: 'expires', label: 'kinds.secret.fields.expiration', type: 'select',
      options: [
        { value: 'set', label: 'kinds.secret.filters.hasExpiration' },
        { value: 'past-day', label: 'kinds.secret.filters.expiresSoon' },
      ],
      query: (v) => ({ expiration: v === 'past-day' ? `gt:${new Date().toISOString().slice(0, 19)},lt:${new Date(Date.now() + 86_400_000).toISOString().slice(0, 19)}` : 'gt:1970-01-01T00:00:00' }),
    },
  ],
  actions: [
    secret.deleteAction('kinds.secret.confirm.deleteTitle', 'kinds.secret.confirm.deleteBody'),
  ],
  overview: secret.overview('kinds.secret.fields.ref', [
    { label: 'common.status', value: (s) => s.status ?? '' },
    { label: 'kinds.secret.fields.secretType', value: (s) => s.secret_type ?? '' },
    { label: 'kinds.secret.fields.algorithm', value: (s) => s.algorithm ?? '' },
    { label: 'kinds.secret.fields.bitLength', value: (s) => s.bit_length ?? '' },
    { label: 'kinds.secret.fields.mode', value: (s) => s.mode ?? '' },
    { label: 'kinds.secret.fields.contentTypes', value: (s) => contentTypes(s).join(', ') },
    { label: 'kinds.secret.fields.expiration', value: (s) => utc(s.expiration), empty: 'kinds.secret.fields.never' },
  ]),
  reveal: {
    noun: 'kinds.secret.reveal.noun',
    label: 'kinds.secret.reveal.label',
    empty: (s) => (Object.keys(s.content_types ?? {}).length ? undefined : 'kinds.secret.reveal.empty'),
    request: (s) => ({ path: `${secret.itemPath(s)}/payload`, accept: payloadAccept(s.content_types?.default) }),
    cli: secretPayloadCli,
  },
  // GET/PUT /v1/secrets/{id}/metadata: PUT replaces the whole set; Barbican lowercases keys.
  metadata: metadataTab({
    path: (s) => `${secret.itemPath(s)}/metadata`,
    lowercase: true,
    cli: (s) => `(no openstack command for secret metadata in python-barbicanclient 5) PUT /v1/secrets/${refId(s.secret_ref)}/metadata`,
  }),
  create: {
    schema: SecretCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      {
        name: 'payload', label: 'kinds.secret.form.payload', type: 'payload',
        source: { text: { encoding: 'none', payload_content_type: 'text/plain' }, file: { encoding: 'base64', payload_content_type: 'application/octet-stream' }, fileName: 'fileName', fileHint: 'kinds.secret.form.fileHint' },
      },
      { name: 'payload_content_type', label: 'kinds.secret.form.payloadContentType', type: 'select', options: choices(PAYLOAD_CONTENT_TYPES) },
      { name: 'secret_type', label: 'kinds.secret.fields.secretType', type: 'select', options: choices(SECRET_TYPES) },
      { name: 'algorithm', label: 'kinds.secret.fields.algorithm', type: 'text', placeholder: 'kinds.secret.form.algorithmPlaceholder' },
      { name: 'bit_length', label: 'kinds.secret.fields.bitLength', type: 'text', numeric: true, placeholder: 'kinds.secret.form.bitLengthPlaceholder' },
      { name: 'mode', label: 'kinds.secret.fields.mode', type: 'text', placeholder: 'kinds.secret.form.modePlaceholder' },
      { name: 'expiration', label: 'kinds.secret.form.expiration', type: 'datetime', hint: 'kinds.secret.form.expirationHint' },
    ],
    defaults: { name: '', payload: '', encoding: 'none', fileName: '', payload_content_type: 'text/plain', secret_type: 'opaque', algorithm: '', bit_length: '', mode: '', expiration: '' },
    input: (v) => ({ ...v, now: Date.now() }),
    request: secretCreateRequest,
    cli: secretStoreCli,
    created: (body) => SecretSchema.safeParse(body).data,
    title: 'kinds.secret.create.title', cancelLink: true, errorTitle: 'kinds.secret.create.errorTitle',
  },
  cli: { list: 'openstack secret list', show: secret.show },
};
