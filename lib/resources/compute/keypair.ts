// Nova key pairs (identified by name). Creating one without a public key returns the private key once.
import { z } from 'zod';
import { sh } from '../cli';
import { msg } from '@/lib/i18n/msg';
import { define, deleteAction, rowNames } from '../define';
import { NOVA } from './server';

export const KeypairSchema = z.looseObject({
  name: z.string().min(1),
  public_key: z.string().optional(),
  fingerprint: z.string().optional(),
  type: z.string().optional(),
  created_at: z.string().optional(),
  user_id: z.string().optional(),
});
export type Keypair = z.infer<typeof KeypairSchema>;

/** GET /os-keypairs wraps every item: `{"keypairs": [{"keypair": {...}}]}`. */
export const KeypairListItemSchema = z.looseObject({ keypair: KeypairSchema }).transform((k) => k.keypair);

export const CreatedKeypairSchema = KeypairSchema.extend({ private_key: z.string().optional() });

export const KeypairCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'kinds.keypair.errors.nameRequired' })
    .max(255)
    .regex(/^[\w .@-]+$/, { error: 'kinds.keypair.errors.nameChars' }),
  publicKey: z.string().trim().refine((k) => k === '' || /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) \S+/.test(k), { error: 'kinds.keypair.errors.publicKey' }),
});
export type KeypairCreate = z.infer<typeof KeypairCreateSchema>;

export const keypairDefinition = define<Keypair, KeypairCreate>({
  kind: 'keypair',
  slug: 'key-pairs',
  label: { singular: 'kinds.keypair.singular', plural: 'kinds.keypair.plural', noun: 'kinds.keypair.noun' },
  ...NOVA,
  paths: { list: 'os-keypairs', item: (name) => `os-keypairs/${encodeURIComponent(name)}` },
  keys: { list: 'keypairs', item: 'keypair' },
  schema: KeypairSchema,
  listSchema: KeypairListItemSchema as unknown as z.ZodType<Keypair>,
  id: (k) => k.name,
  columns: [
    { id: 'name', label: 'common.name', value: (k) => k.name },
    { id: 'type', label: 'kinds.keypair.columns.type', value: (k) => k.type ?? 'ssh' },
    { id: 'fingerprint', label: 'kinds.keypair.columns.fingerprint', value: (k) => k.fingerprint ?? '', cell: 'mono' },
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  pageSize: 100,
  actions: [
    deleteAction({
      title: 'kinds.keypair.confirm.deleteTitle',
      path: (k) => `os-keypairs/${encodeURIComponent(k.name)}`, cli: (k) => `openstack keypair delete ${sh(k.name)}`,
      body: (r) => msg('kinds.keypair.confirm.deleteBody', { count: r.length, names: rowNames(r, (k) => k.name).names }),
    }),
  ],
  create: {
    schema: KeypairCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'publicKey', label: 'kinds.keypair.fields.publicKey', type: 'textarea', placeholder: 'kinds.keypair.fields.publicKeyPlaceholder' },
    ],
    defaults: { name: '', publicKey: '' },
    request: (i) => ({ method: 'POST', path: 'os-keypairs', body: { keypair: i.publicKey ? { name: i.name, public_key: i.publicKey } : { name: i.name } } }),
    modes: [
      { id: 'create', label: 'kinds.keypair.modes.create', fields: ['name'], submitLabel: 'kinds.keypair.modes.create' },
      { id: 'import', label: 'kinds.keypair.modes.import', fields: ['name', 'publicKey'], submitLabel: 'kinds.keypair.modes.importSubmit', secondary: true },
    ],
    // The private key is offered for download exactly once and never stored.
    oneTimeSecret: (body) => {
      const r = CreatedKeypairSchema.safeParse((body as { keypair?: unknown } | undefined)?.keypair);
      if (!r.success || !r.data.private_key) return undefined;
      const file = `${r.data.name}.pem`;
      return {
        filename: file, mime: 'application/x-pem-file', content: r.data.private_key, downloadLabel: 'kinds.keypair.secret.download',
        message: msg('kinds.keypair.secret.message', { name: r.data.name }),
        saved: msg('kinds.keypair.secret.saved', { file }), savedCommand: `chmod 600 ${file}`,
      };
    },
    cli: (i) => (i.publicKey ? `openstack keypair create --public-key <file> ${i.name ? sh(i.name) : '<name>'}` : `openstack keypair create ${i.name ? `${sh(i.name)} > ${sh(`${i.name}.pem`)}` : '<name> > <name>.pem'}`),
  },
  cli: { list: 'openstack keypair list', show: (k) => `openstack keypair show ${sh(k.name)}` },
});
