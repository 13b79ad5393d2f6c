// Barbican's state: secrets (payloads base64-encoded) and containers, and the seed.
import { stableUuid } from '../../core/ids';
import { seedProjectId, seedUserId } from '../identity/seed';

export const SECRET_TYPES = ['symmetric', 'passphrase', 'private', 'public', 'certificate', 'opaque'] as const;

export interface Secret {
  id: string;
  project_id: string;
  name: string | null;
  secret_type: string;
  expiration: string | null;
  algorithm: string | null;
  bit_length: number | null;
  mode: string | null;
  creator_id: string;
  created: string;
  updated: string;
  /** The stored content type, or null before a payload is PUT. */
  content_type: string | null;
  /** base64 of the payload bytes. */
  payload: string | null;
  /** User metadata (GET/PUT /v1/secrets/{id}/metadata); keys are stored lowercased, as Barbican does. */
  metadata?: Record<string, string>;
}

export interface SecretContainer {
  id: string;
  project_id: string;
  name: string | null;
  type: string;
  creator_id: string;
  created: string;
  updated: string;
  secret_refs: Array<{ name: string | null; secret_id: string }>;
}

export interface KeyManagerState {
  secrets: Secret[];
  containers: SecretContainer[];
}

/** Barbican's timestamps: 2026-11-25T14:33:22 */
export const bTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');

export function seed(now: number): KeyManagerState {
  const t = bTime(now);
  return {
    secrets: [
      {
        id: stableUuid('secret', 'demo-secret'),
        project_id: seedProjectId('demo'),
        name: 'demo-secret',
        secret_type: 'passphrase',
        expiration: null,
        algorithm: null,
        bit_length: null,
        mode: null,
        creator_id: seedUserId('demo'),
        created: t,
        updated: t,
        content_type: 'text/plain',
        payload: Buffer.from('correct horse battery staple').toString('base64'),
      },
    ],
    containers: [],
  };
}
