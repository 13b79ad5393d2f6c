// Nova key pairs (identified by name). Creating one without a public key returns the private key once.
import { z } from 'zod';
import { sh } from '../cli';
import { define, deleteAction } from '../define';
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
    .min(1, { error: 'Enter a name' })
    .max(255)
    .regex(/^[\w .@-]+$/, { error: 'Use letters, digits, spaces, and . _ - @ only' }),
  publicKey: z.string().trim().refine((k) => k === '' || /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) \S+/.test(k), { error: 'Paste an OpenSSH public key (ssh-ed25519 AAAA..., ssh-rsa AAAA...)' }),
});
export type KeypairCreate = z.infer<typeof KeypairCreateSchema>;

export const keypairDefinition = define<Keypair, KeypairCreate>({
  kind: 'keypair',
  slug: 'key-pairs',
  label: { singular: 'Key pair', plural: 'Key pairs' },
  ...NOVA,
  paths: { list: 'os-keypairs', item: (name) => `os-keypairs/${encodeURIComponent(name)}` },
  keys: { list: 'keypairs', item: 'keypair' },
  schema: KeypairSchema,
  listSchema: KeypairListItemSchema as unknown as z.ZodType<Keypair>,
  id: (k) => k.name,
  columns: [
    { id: 'name', label: 'Name', value: (k) => k.name },
    { id: 'type', label: 'Type', value: (k) => k.type ?? 'ssh' },
    { id: 'fingerprint', label: 'Fingerprint', value: (k) => k.fingerprint ?? '', cell: 'mono' },
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  pageSize: 100,
  actions: [
    deleteAction({
      noun: 'key pair',
      path: (k) => `os-keypairs/${encodeURIComponent(k.name)}`, cli: (k) => `openstack keypair delete ${sh(k.name)}`,
      body: (r) => `This deletes the key pair${r.length === 1 ? '' : 's'} ${r.map((k) => k.name).join(', ')} from the cloud. Instances that already have the key keep it; your local private key is not touched.`,
    }),
  ],
  create: {
    schema: KeypairCreateSchema,
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'publicKey', label: 'Public key (leave empty to generate a new key pair)', type: 'textarea', placeholder: 'ssh-ed25519 AAAA... user@host' },
    ],
    defaults: { name: '', publicKey: '' },
    request: (i) => ({ method: 'POST', path: 'os-keypairs', body: { keypair: i.publicKey ? { name: i.name, public_key: i.publicKey } : { name: i.name } } }),
    modes: [
      { id: 'create', label: 'Create key pair', fields: ['name'], submitLabel: 'Create key pair' },
      { id: 'import', label: 'Import public key', fields: ['name', 'publicKey'], submitLabel: 'Import key', secondary: true },
    ],
    // The private key is offered for download exactly once and never stored.
    oneTimeSecret: (body) => {
      const r = CreatedKeypairSchema.safeParse((body as { keypair?: unknown } | undefined)?.keypair);
      if (!r.success || !r.data.private_key) return undefined;
      const file = `${r.data.name}.pem`;
      return {
        filename: file, mime: 'application/x-pem-file', content: r.data.private_key, downloadLabel: 'Download private key',
        message: `Key pair ${r.data.name} created. Download the private key now: it is shown only once and the cloud does not keep it.`,
        saved: `Saved ${file}. Keep it safe: `, savedCommand: `chmod 600 ${file}`,
      };
    },
    cli: (i) => (i.publicKey ? `openstack keypair create --public-key <file> ${i.name ? sh(i.name) : '<name>'}` : `openstack keypair create ${i.name ? `${sh(i.name)} > ${sh(`${i.name}.pem`)}` : '<name> > <name>.pem'}`),
  },
  cli: { list: 'openstack keypair list', show: (k) => `openstack keypair show ${sh(k.name)}` },
});
