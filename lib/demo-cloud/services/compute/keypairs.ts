import { createHash, generateKeyPairSync } from 'node:crypto';
import { forbidden } from '../../core/errors';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { isoDb, invalidInput, novaBadRequest, novaConflict, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import { novaRoute } from './microversion';
import type { Keypair } from './model';

// os-keypairs: per user. Create generates a real RSA key (PKCS#1 PEM private key, OpenSSH public
// key, MD5 fingerprint) as Nova does; import validates the OpenSSH public key.

function sshString(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

function mpint(b64url: string): Buffer {
  let b = Buffer.from(b64url, 'base64url');
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return sshString(b);
}

export function fingerprintOf(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
}

export function generateRsaKeypair(): { publicKey: string; privateKey: string; fingerprint: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(jwk.e!), mpint(jwk.n!)]);
  return {
    publicKey: `ssh-rsa ${blob.toString('base64')} Generated-by-Nova`,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    fingerprint: fingerprintOf(blob),
  };
}

const SSH_TYPES = ['ssh-rsa', 'ssh-ed25519', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

/** Fingerprint of an OpenSSH public key, or null when it is not one. */
export function parsePublicKey(text: string): string | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || !SSH_TYPES.includes(parts[0])) return null;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(parts[1])) return null;
  const blob = Buffer.from(parts[1], 'base64');
  if (blob.length < 8) return null;
  const len = blob.readUInt32BE(0);
  if (len + 4 > blob.length || blob.subarray(4, 4 + len).toString() !== parts[0]) return null;
  return fingerprintOf(blob);
}

const NAME_RE = /^[A-Za-z0-9 _.@-]+$/;

export function keypairRoutes(router: Router, { core, s }: ComputeDeps): void {
  const userKeys = (userId: string) => (s.keypairs[userId] ??= {});
  const targetUser = (ctx: Parameters<Parameters<typeof novaRoute>[3]>[0]['ctx'], admin: boolean, rule: string) => {
    const auth = ctx.authProject();
    const wanted = ctx.query.get('user_id');
    if (wanted && wanted !== auth.user.id) {
      if (!admin) throw policyDenied(rule);
      return wanted;
    }
    return auth.user.id;
  };

  novaRoute(router, 'GET', '/os-keypairs', ({ ctx, v }) => {
    const auth = ctx.authProject();
    const userId = v.ge('2.10') ? targetUser(ctx, auth.isAdmin, 'os_compute_api:os-keypairs:index') : auth.user.id;
    let items = Object.values(userKeys(userId)).sort((a, b) => a.name.localeCompare(b.name));
    const body: Record<string, unknown> = {};
    if (v.ge('2.35')) {
      const marker = ctx.query.get('marker');
      if (marker !== null) {
        const i = items.findIndex((k) => k.name === marker);
        if (i < 0) throw novaBadRequest(`marker [${marker}] not found`);
        items = items.slice(i + 1);
      }
      const rawLimit = ctx.query.get('limit');
      if (rawLimit !== null) {
        const limit = Number(rawLimit);
        if (!Number.isInteger(limit) || limit < 0) throw invalidInput('limit', rawLimit, `'${rawLimit}' does not match '^[0-9]*$'`);
        if (items.length > limit && limit > 0) {
          const url = new URL(`${ctx.serviceUrl}/v2.1/os-keypairs`);
          url.searchParams.set('limit', String(limit));
          url.searchParams.set('marker', items[limit - 1].name);
          body.keypairs_links = [{ rel: 'next', href: url.toString() }];
        }
        items = items.slice(0, limit);
      }
    }
    body.keypairs = items.map((k) => ({
      keypair: { name: k.name, public_key: k.public_key, fingerprint: k.fingerprint, ...(v.ge('2.2') ? { type: k.type } : {}) },
    }));
    const ordered = { keypairs: body.keypairs, ...(body.keypairs_links ? { keypairs_links: body.keypairs_links } : {}) };
    return json(200, ordered);
  });

  novaRoute(router, 'POST', '/os-keypairs', async ({ ctx, v }) => {
    const auth = ctx.authProject();
    const body = await objectBody(ctx);
    const kp = body.keypair as Record<string, unknown> | undefined;
    if (!kp || typeof kp !== 'object' || Array.isArray(kp)) throw invalidInput('keypair', body, "'keypair' is a required property");
    if (kp.name === undefined) throw invalidInput('keypair', kp, "'name' is a required property");
    if (v.ge('2.92') && kp.public_key === undefined) throw invalidInput('keypair', kp, "'public_key' is a required property");
    const name = String(kp.name);
    if (!name || name.length > 255 || !NAME_RE.test(name)) {
      throw novaBadRequest('Keypair data is invalid: Keypair name contains unsafe characters');
    }
    let userId = auth.user.id;
    if (v.ge('2.10') && typeof kp.user_id === 'string' && kp.user_id !== auth.user.id) {
      if (!auth.isAdmin) throw policyDenied('os_compute_api:os-keypairs:create');
      userId = kp.user_id;
    }
    const type = v.ge('2.2') && kp.type === 'x509' ? 'x509' : 'ssh';
    if (v.ge('2.2') && kp.type !== undefined && kp.type !== 'ssh' && kp.type !== 'x509') {
      throw invalidInput('type', kp.type, `'${String(kp.type)}' is not one of ['ssh', 'x509']`);
    }
    const keys = userKeys(userId);
    const quota = s.quotas[auth.project.id]?.key_pairs ?? 100;
    if (quota >= 0 && Object.keys(keys).length >= quota) throw forbidden('Quota exceeded, too many key pairs.');
    if (keys[name]) throw novaConflict(`Key pair '${name}' already exists.`);
    let publicKey: string;
    let fingerprint: string;
    let privateKey: string | undefined;
    if (kp.public_key !== undefined) {
      publicKey = String(kp.public_key).trim();
      const fp = type === 'ssh' ? parsePublicKey(publicKey) : publicKey.includes('BEGIN CERTIFICATE') ? fingerprintOf(Buffer.from(publicKey)) : null;
      if (!fp) throw novaBadRequest('Keypair data is invalid: failed to generate fingerprint');
      fingerprint = fp;
    } else {
      const gen = generateRsaKeypair();
      publicKey = gen.publicKey;
      privateKey = gen.privateKey;
      fingerprint = gen.fingerprint;
    }
    s.seq.keypair += 1;
    const record: Keypair = { id: s.seq.keypair, name, user_id: userId, public_key: publicKey, fingerprint, type, created_at: isoDb(core.clock.now()) };
    keys[name] = record;
    const out: Record<string, unknown> = { name, public_key: publicKey, fingerprint, user_id: userId };
    if (privateKey) out.private_key = privateKey;
    if (v.ge('2.2')) out.type = type;
    return json(v.ge('2.2') ? 201 : 200, { keypair: out });
  });

  const find = (userId: string, name: string) => {
    const k = s.keypairs[userId]?.[name];
    if (!k) throw novaNotFound(`Keypair ${name} not found for user ${userId}`);
    return k;
  };

  novaRoute(router, 'GET', '/os-keypairs/{name}', ({ ctx, v }) => {
    const auth = ctx.authProject();
    const userId = v.ge('2.10') ? targetUser(ctx, auth.isAdmin, 'os_compute_api:os-keypairs:show') : auth.user.id;
    const k = find(userId, ctx.params.name);
    return json(200, {
      keypair: {
        name: k.name, public_key: k.public_key, fingerprint: k.fingerprint, user_id: k.user_id, created_at: k.created_at,
        deleted: false, deleted_at: null, id: k.id, updated_at: null, ...(v.ge('2.2') ? { type: k.type } : {}),
      },
    });
  });

  novaRoute(router, 'DELETE', '/os-keypairs/{name}', ({ ctx, v }) => {
    const auth = ctx.authProject();
    const userId = v.ge('2.10') ? targetUser(ctx, auth.isAdmin, 'os_compute_api:os-keypairs:delete') : auth.user.id;
    find(userId, ctx.params.name);
    delete s.keypairs[userId][ctx.params.name];
    return { status: v.ge('2.2') ? 204 : 202 };
  });
}

