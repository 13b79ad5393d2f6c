// Cross-service contract of the key manager (Octavia reads TLS certificates through it).
import type { CloudCore } from '../../core/cloud';
import { expired } from './common';
import { seed, type KeyManagerState } from './model';

export type TlsRef =
  | { kind: 'secret'; payload: Buffer | null }
  /** A container with its secrets' payloads by reference name (certificate, private_key, intermediates, ...). */
  | { kind: 'container'; type: string; secrets: Record<string, Buffer | null> };

/**
 * The secret or container a Barbican href (`.../v1/secrets/{id}` or `.../v1/containers/{id}`) names, if it
 * exists and the project may read it (its own, not expired); null otherwise.
 */
export function readableTlsRef(core: CloudCore, ref: string, projectId: string): TlsRef | null {
  const s = core.state.slice<KeyManagerState>('key-manager', () => seed(core.clock.now()));
  const secret = (id: string) => s.secrets.find((y) => y.id === id && y.project_id === projectId && !expired(core, y));
  const payload = (id: string) => {
    const p = secret(id)?.payload;
    return p ? Buffer.from(p, 'base64') : null;
  };
  const m = /\/v1\/(secrets|containers)\/([0-9a-f-]{36})\/?$/i.exec(ref);
  if (!m) return null;
  if (m[1] === 'secrets') return secret(m[2]) ? { kind: 'secret', payload: payload(m[2]) } : null;
  const c = s.containers.find((y) => y.id === m[2] && y.project_id === projectId);
  if (!c) return null;
  return { kind: 'container', type: c.type, secrets: Object.fromEntries(c.secret_refs.map((r) => [r.name ?? '', payload(r.secret_id)])) };
}
