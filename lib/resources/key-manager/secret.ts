// Barbican v1 secrets. A secret is named by its `secret_ref` URL; the id is its last path segment.
// The payload is never part of these objects: the detail page's reveal panel fetches it on demand, never cached.
import { z } from 'zod';
import { command, sh } from '../cli';
import { ageColumn, choices, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn } from '../define';
import { metadataTab } from '../define-detail';
import type { ApiRequest, Column, OverviewField, ResourceDefinition, StatusInfo } from '../types';

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
    /** `body` words what is lost, given the quoted names and how many rows. */
    deleteAction: (noun: string, body: (names: string, n: number) => string) =>
      deleteAction<T>({
        noun,
        path: itemPath,
        cli: (r) => command('openstack', ...cli, 'delete', ref(r)),
        body: (rows) => body(rowNames(rows, label), rows.length),
      }),
    /** The ref first, then `fields`, then the times and the creator. */
    overview: (refLabel: string, fields: OverviewField<T>[]): OverviewField<T>[] => [
      { label: refLabel, value: ref, mono: true },
      ...fields,
      { label: 'Created', value: (r) => utc(r.created) },
      { label: 'Updated', value: (r) => utc(r.updated) },
      { label: 'Creator ID', value: (r) => r.creator_id ?? '', mono: true },
    ],
    show: (r: T) => command('openstack', ...cli, 'get', ref(r)),
  };
}
const secret = barbicanKind<Secret>('secrets', (s) => s.secret_ref, ['secret']);

// ---- create ----

export const SecretCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Enter a name' }).max(255, { error: 'At most 255 characters' }),
    /** Text, or base64 of the file's bytes when `encoding` is base64. */
    payload: z.string().min(1, { error: 'Enter a payload or choose a file' }),
    encoding: z.enum(['none', 'base64']),
    /** The file's name, for the CLI line only. */
    fileName: z.string(),
    payload_content_type: z.enum(PAYLOAD_CONTENT_TYPES),
    secret_type: z.enum(SECRET_TYPES),
    algorithm: z.string().trim().max(255, { error: 'At most 255 characters' }),
    bit_length: z.string().trim().regex(/^(\d+)?$/, { error: 'A whole number of bits' }).refine((v) => v === '' || Number(v) > 0, { error: 'At least 1 bit' }),
    mode: z.string().trim().max(255, { error: 'At most 255 characters' }),
    /** `datetime-local` value, taken as UTC (Barbican stores naive UTC). */
    expiration: z.string().trim(),
    /** Injected for validation: the current time in ms. */
    now: z.number(),
  })
  .superRefine((v, ctx) => {
    if (v.expiration) {
      const when = Date.parse(utc(v.expiration.length === 16 ? `${v.expiration}:00` : v.expiration));
      if (Number.isNaN(when)) ctx.addIssue({ code: 'custom', path: ['expiration'], message: 'Not a date and time' });
      else if (when <= v.now) ctx.addIssue({ code: 'custom', path: ['expiration'], message: 'The expiration must be in the future' });
    }
    if (v.payload_content_type !== 'text/plain' && v.encoding !== 'base64') {
      ctx.addIssue({ code: 'custom', path: ['payload_content_type'], message: 'Binary content types need a file (sent base64-encoded)' });
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
  label: { singular: 'Secret', plural: 'Secrets' },
  ...secret.head,
  schema: SecretSchema,
  sensitiveName: 'secretName',
  sortQuery: (key, dir) => ({ sort: `${key}:${dir}` }),
  columns: [
    nameColumn(secret.label, { sortKey: 'name', sensitive: 'secretName' }),
    { id: 'type', label: 'Secret type', value: (s) => s.secret_type ?? '', sortKey: 'secret_type' },
    { id: 'algorithm', label: 'Algorithm', value: (s) => s.algorithm ?? '', sortKey: 'algorithm' },
    { id: 'bits', label: 'Bit length', value: (s) => s.bit_length ?? '', sortKey: 'bit_length' },
    { id: 'mode', label: 'Mode', value: (s) => s.mode ?? '', sortKey: 'mode' },
    { id: 'content', label: 'Content types', value: contentTypes, cell: 'list' },
    { id: 'expiration', label: 'Expiration', value: (s) => utc(s.expiration) || 'never', sortKey: 'expiration' },
    ...secret.lastColumns('created'),
  ],
  // GET /v1/secrets filters (api-ref secrets.inc): name, alg, mode, bits, secret_type; dates take gt:/lt: specs.
  filters: [
    nameFilter,
    { id: 'secret_type', label: 'Secret type', type: 'select', options: choices(SECRET_TYPES) },
    { id: 'alg', label: 'Algorithm', type: 'text' },
    { id: 'mode', label: 'Mode', type: 'text' },
    { id: 'bits', label: 'Bit length', type: 'text' },
    {
      id: 'expires', label: 'Expiration', type: 'select',
      options: [
        { value: 'set', label: 'Has an expiration' },
        { value: 'past-day', label: 'Expires within a day' },
      ],
      query: (v) => ({ expiration: v === 'past-day' ? `gt:${new Date().toISOString().slice(0, 19)},lt:${new Date(Date.now() + 86_400_000).toISOString().slice(0, 19)}` : 'gt:1970-01-01T00:00:00' }),
    },
  ],
  actions: [
    secret.deleteAction('secret', (names, n) => `This permanently deletes ${names} and its payload. Containers and services that reference ${n === 1 ? 'it' : 'them'} lose access.`),
  ],
  overview: secret.overview('Secret ref', [
    { label: 'Status', value: (s) => s.status ?? '' },
    { label: 'Secret type', value: (s) => s.secret_type ?? '' },
    { label: 'Algorithm', value: (s) => s.algorithm ?? '' },
    { label: 'Bit length', value: (s) => s.bit_length ?? '' },
    { label: 'Mode', value: (s) => s.mode ?? '' },
    { label: 'Content types', value: (s) => contentTypes(s).join(', ') },
    { label: 'Expiration', value: (s) => utc(s.expiration) || 'never' },
  ]),
  reveal: {
    noun: 'payload',
    label: 'Secret payload',
    empty: (s) => (Object.keys(s.content_types ?? {}).length ? undefined : 'This secret has no payload yet.'),
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
      { name: 'name', label: 'Name', type: 'text' },
      {
        name: 'payload', label: 'Payload', type: 'payload',
        source: { text: { encoding: 'none', payload_content_type: 'text/plain' }, file: { encoding: 'base64', payload_content_type: 'application/octet-stream' }, fileName: 'fileName', fileHint: 'Sent base64-encoded (payload_content_encoding=base64).' },
      },
      { name: 'payload_content_type', label: 'Payload content type', type: 'select', options: choices(PAYLOAD_CONTENT_TYPES) },
      { name: 'secret_type', label: 'Secret type', type: 'select', options: choices(SECRET_TYPES) },
      { name: 'algorithm', label: 'Algorithm', type: 'text', placeholder: 'aes, rsa…' },
      { name: 'bit_length', label: 'Bit length', type: 'text', numeric: true, placeholder: '256' },
      { name: 'mode', label: 'Mode', type: 'text', placeholder: 'cbc, gcm…' },
      { name: 'expiration', label: 'Expiration (UTC)', type: 'datetime', hint: 'Optional. After it the secret can no longer be read.' },
    ],
    defaults: { name: '', payload: '', encoding: 'none', fileName: '', payload_content_type: 'text/plain', secret_type: 'opaque', algorithm: '', bit_length: '', mode: '', expiration: '' },
    input: (v) => ({ ...v, now: Date.now() }),
    request: secretCreateRequest,
    cli: secretStoreCli,
    created: (body) => SecretSchema.safeParse(body).data,
    title: 'Store a secret', cancelLink: true, errorTitle: 'Could not store the secret',
  },
  cli: { list: 'openstack secret list', show: secret.show },
};
