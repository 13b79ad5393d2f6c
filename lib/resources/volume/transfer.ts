// Cinder volume transfers (/os-volume-transfer): the donor project offers an available volume (it goes
// awaiting-transfer) and gets an auth key once, in the create answer; another project accepts with the transfer's id
// and that key, and the volume becomes its own. Deleting the request cancels it (the volume is available again).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameOrId, rest, rowNames } from '../define';
import type { ApiRequest, OneTimeSecret } from '../types';
import { volumeOptions } from './backup';
import { CINDER, VOLUME_SERVICE } from './volume';

export const TransferSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  volume_id: z.string(),
  created_at: z.string().optional(),
  auth_key: z.string().optional(),
});
export type Transfer = z.infer<typeof TransferSchema>;

// ---- Create (offer a volume) and accept -------------------------------------------------------------------------

export const TransferCreateSchema = z.object({
  volumeId: z.string().min(1, { error: 'kinds.volumeTransfer.errors.volume' }),
  name: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
});
export type TransferCreate = z.infer<typeof TransferCreateSchema>;

export const transferCreateRequest = (i: TransferCreate): ApiRequest => ({
  method: 'POST', path: 'os-volume-transfer', body: { transfer: { volume_id: i.volumeId, ...(i.name.trim() ? { name: i.name.trim() } : {}) } },
});

export const transferCreateCli = (i: Partial<TransferCreate>) =>
  command('openstack volume transfer request create', { '--name': i.name?.trim() || undefined }, i.volumeId || '<volume>');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TransferAcceptSchema = z.object({
  transferId: z.string().trim().min(1, { error: 'kinds.volumeTransfer.errors.idRequired' }).regex(UUID, { error: 'kinds.volumeTransfer.errors.idFormat' }),
  // Cinder's keys are hex (volume_transfer_key_length, 16 by default); any other text is a typo.
  authKey: z.string().trim().min(1, { error: 'kinds.volumeTransfer.errors.keyRequired' }).regex(/^[0-9a-f]+$/i, { error: 'kinds.volumeTransfer.errors.keyFormat' }),
});
export type TransferAccept = z.infer<typeof TransferAcceptSchema>;

export const transferAcceptRequest = (i: TransferAccept): ApiRequest => ({
  method: 'POST', path: `os-volume-transfer/${i.transferId.trim()}/accept`, body: { accept: { auth_key: i.authKey.trim() } },
});

export const transferAcceptCli = (i: Partial<TransferAccept>) =>
  command('openstack volume transfer request accept', { '--auth-key': i.authKey?.trim() || '<auth-key>' }, i.transferId?.trim() || '<transfer-id>');

/** The create answer's auth key, offered once: shown to copy, and as a file holding the command that accepts it. */
export function transferSecret(body: unknown): OneTimeSecret | undefined {
  const t = TransferSchema.safeParse((body as { transfer?: unknown } | null)?.transfer).data;
  if (!t?.auth_key) return undefined;
  const accept = transferAcceptCli({ transferId: t.id, authKey: t.auth_key });
  return {
    filename: `volume-transfer-${t.id}.txt`,
    mime: 'text/plain',
    content: `transfer id: ${t.id}\nauth key: ${t.auth_key}\n\n${accept}\n`,
    message: msg('kinds.volumeTransfer.secret.message', { id: t.id }),
    downloadLabel: 'kinds.volumeTransfer.secret.download',
    saved: 'kinds.volumeTransfer.secret.saved',
    value: { label: 'kinds.volumeTransfer.secret.key', text: t.auth_key, copy: 'kinds.volumeTransfer.secret.copy' },
  };
}

// ---- The definition ---------------------------------------------------------------------------------------------

export const volumeTransferDefinition = define<Transfer, TransferCreate>({
  kind: 'volume-transfer',
  slug: 'volume-transfers',
  label: { singular: 'kinds.volumeTransfer.singular', plural: 'kinds.volumeTransfer.plural', noun: 'kinds.volumeTransfer.noun' },
  ...rest(CINDER, 'os-volume-transfer', 'transfer', { list: 'os-volume-transfer/detail', listKey: 'transfers' }),
  schema: TransferSchema,
  columns: [
    nameColumn(nameOrId),
    { id: 'volume', label: 'kinds.volumeTransfer.fields.volume', value: (t, ctx) => ctx.lookups.volumes?.[t.volume_id] || t.volume_id },
    ageColumn((t) => t.created_at ?? ''),
    idColumn((t) => t.id, { hidden: false }),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  lookups: [
    {
      name: 'volumes', kind: 'volume', service: VOLUME_SERVICE, key: 'volumes',
      ids: (rows) => rows.map((t) => t.volume_id),
      path: () => 'volumes?limit=1000',
      label: (o) => String(o.name || o.id),
    },
  ],
  // An offer makes its volume awaiting-transfer; an accept or a cancel makes it available (in its new project).
  invalidates: ['volume'],
  actions: [
    deleteAction<Transfer>({
      title: 'kinds.volumeTransfer.confirm.deleteTitle', verb: 'kinds.volumeTransfer.cancel',
      path: (t) => `os-volume-transfer/${t.id}`, cli: (t) => command('openstack volume transfer request delete', t.id),
      body: (rows) => msg('kinds.volumeTransfer.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
    }),
  ],
  links: [{ label: 'kinds.volumeTransfer.fields.volume', to: (t) => ({ slug: 'volumes', rest: t.volume_id }) }],
  overview: [
    { label: 'common.id', value: (t) => t.id, mono: true },
    {
      label: 'kinds.volumeTransfer.fields.volume', value: (t, ctx) => ctx.lookups.volumes?.[t.volume_id] || t.volume_id,
      links: (t, ctx) => [{ name: ctx.lookups.volumes?.[t.volume_id] || t.volume_id, to: { slug: 'volumes', id: t.volume_id } }],
    },
    { label: 'common.created', value: (t) => t.created_at ?? '' },
  ],
  create: {
    schema: TransferCreateSchema,
    explain: 'kinds.volumeTransfer.form.explain',
    fields: [
      { name: 'volumeId', label: 'kinds.volumeTransfer.fields.volume', type: 'select', query: { param: 'volume' }, optionsFrom: volumeOptions('kinds.volume.noun', 'kinds.volumeBackup.form.noVolume', 'available') },
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'transferId', label: 'kinds.volumeTransfer.fields.transferId', type: 'text' },
      { name: 'authKey', label: 'kinds.volumeTransfer.fields.authKey', type: 'text' },
    ],
    defaults: { volumeId: '', name: '', transferId: '', authKey: '' },
    request: transferCreateRequest,
    cli: (i) => transferCreateCli(i),
    modes: [
      { id: 'create', label: 'kinds.volumeTransfer.form.create', fields: ['volumeId', 'name'], submitLabel: 'kinds.volumeTransfer.form.create' },
      {
        id: 'accept', label: 'kinds.volumeTransfer.accept.label', fields: ['transferId', 'authKey'], submitLabel: 'kinds.volumeTransfer.accept.submit', secondary: true,
        schema: TransferAcceptSchema, request: (i) => transferAcceptRequest(i as TransferAccept), cli: (i) => transferAcceptCli(i as Partial<TransferAccept>),
        errorTitle: 'kinds.volumeTransfer.accept.failed', keep: true,
        outcome: (body) => {
          const t = TransferSchema.safeParse((body as { transfer?: unknown } | null)?.transfer).data;
          return t ? { message: msg('kinds.volumeTransfer.accept.done', { name: nameOrId(t) }), link: { label: 'kinds.volumeTransfer.accept.open', slug: 'volumes', rest: t.volume_id } } : undefined;
        },
      },
    ],
    oneTimeSecret: transferSecret,
  },
  cli: { list: 'openstack volume transfer request list', show: (t) => command('openstack volume transfer request show', t.id) },
});
