// Share types (GET types lists the public ones and those shared with the project; creating and deleting them is
// admin-only by Manila's default policy). `driver_handles_share_servers` is the one required extra spec.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, rowNames } from '../define';
import { handlesShareServers, MANILA, MANILA_KINDS, ShareTypeSchema, type ShareType } from './manila';

const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});
const specsText = (t: ShareType) => Object.entries(t.extra_specs ?? {}).map(([k, v]) => `${k}=${v}`);

export const ShareTypeCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.shareType.errors.nameRequired' }).max(255, { error: 'kinds.share.errors.nameLength' }),
  description: z.string().max(255, { error: 'kinds.share.errors.descriptionLength' }),
  dhss: z.boolean(),
  isPublic: z.boolean(),
});
export type ShareTypeCreate = z.infer<typeof ShareTypeCreateSchema>;

export const shareTypeDefinition = define<ShareType, ShareTypeCreate>({
  kind: MANILA_KINDS.type,
  slug: 'share-types',
  label: { singular: 'kinds.shareType.singular', plural: 'kinds.shareType.plural', noun: 'kinds.shareType.noun' },
  service: MANILA.service,
  paths: { list: 'types', item: (id) => `types/${id}` },
  keys: { list: 'share_types', item: 'share_type' },
  schema: ShareTypeSchema,
  columns: [
    nameColumn((t) => t.name),
    { id: 'dhss', label: 'kinds.shareType.fields.dhss', value: (t) => yesNo(handlesShareServers(t)) },
    { id: 'public', label: 'kinds.share.fields.public', value: (t) => yesNo(t['share_type_access:is_public']) },
    { id: 'default', label: 'kinds.shareType.fields.default', value: (t) => yesNo(t.is_default) },
    { id: 'specs', label: 'kinds.shareType.fields.specs', value: specsText, cell: 'list' },
    idColumn((t) => t.id),
  ],
  actions: [
    deleteAction<ShareType>({
      title: 'kinds.shareType.confirm.deleteTitle', path: (t) => `types/${t.id}`, cli: (t) => command('openstack share type delete', t.id),
      allowed: (_t, user) => user.isAdmin,
      body: (rows) => msg('kinds.shareType.confirm.deleteBody', { count: rows.length, ...rowNames(rows, (t) => t.name, 3) }),
    }),
  ],
  create: {
    adminOnly: true,
    schema: ShareTypeCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      { name: 'dhss', label: 'kinds.shareType.fields.dhss', type: 'checkbox', hint: 'kinds.shareType.form.dhssHint' },
      { name: 'isPublic', label: 'kinds.share.fields.public', type: 'checkbox' },
    ],
    defaults: { name: '', description: '', dhss: false, isPublic: true },
    request: (i) => ({
      method: 'POST', path: 'types',
      body: { share_type: { name: i.name, ...(i.description ? { description: i.description } : {}), extra_specs: { driver_handles_share_servers: i.dhss }, 'share_type_access:is_public': i.isPublic } },
    }),
    cli: (i) => command('openstack share type create', { '--description': i.description || undefined, '--public': i.isPublic ? 'true' : 'false' }, i.name || '<name>', i.dhss ? 'true' : 'false'),
  },
  cli: { list: 'openstack share type list', show: (t) => command('openstack share type show', t.id) },
});
