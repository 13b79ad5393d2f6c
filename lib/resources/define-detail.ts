// Builders for what a definition declares about its detail page (types.ts: MetadataTab, RevealPanel), and the one
// read that bypasses the query cache: a reveal panel's value (a secret's payload), which no cache may hold.
import { z } from 'zod';
import { fetchUnrecorded } from '@/lib/client/api';
import { msg, type Msg } from '@/lib/i18n/msg';
import type { MetadataTab, Text } from './types';

/** The raw JSON tab's command: the page's `show` as JSON (openstackclient's `-f json`). */
export const jsonCli = (show: string) => (show.startsWith('openstack ') ? `${show} -f json` : show);

type Pairs = { metadata: Record<string, string> } | { error: Msg };

/**
 * Lines `key=value` as a map; blank lines are skipped, values keep any further `=`, an empty text is an empty map.
 * Keys take letters, digits, _, . and -. `lowercase`: the service lowercases keys (Barbican), so keys differing only
 * in case are one key. An error names the first bad line.
 */
export function parsePairsText(text: string, lowercase = false): Pairs {
  const metadata: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const eq = line.indexOf('=');
    const raw = eq > 0 ? line.slice(0, eq).trim() : '';
    const at = i + 1;
    if (!raw) return { error: msg('form.metadata.writeKeyValue', { line: at }) };
    if (!/^[\w.-]+$/.test(raw)) return { error: msg('form.metadata.keyCharacters', { line: at }) };
    const key = lowercase ? raw.toLowerCase() : raw;
    if (key in metadata) return { error: msg(lowercase ? 'form.metadata.twiceAnyCase' : 'form.metadata.twice', { line: at, key }) };
    metadata[key] = line.slice(eq + 1).trim();
  }
  return { metadata };
}

/** `{ "metadata": {...} }`, as Barbican and Cinder answer a metadata GET. */
const MetadataBodySchema = z.looseObject({ metadata: z.record(z.string(), z.string()) }).transform((b) => b.metadata);

/** A metadata tab read at `path` as `{ metadata }` and replaced by a PUT of the same body (Barbican; Cinder's shape). */
export function metadataTab<T>(spec: { path: (row: T) => string; cli: (row: T) => string; lowercase?: boolean; label?: Text }): MetadataTab<T> {
  return {
    label: spec.label ?? 'common.metadata',
    path: spec.path,
    schema: MetadataBodySchema,
    parse: (text) => parsePairsText(text, spec.lowercase),
    request: (row, metadata) => ({ method: 'PUT', path: spec.path(row), body: { metadata } }),
    cli: spec.cli,
  };
}

export interface Revealed {
  contentType: string;
  /** The value as text (a text/* Accept). */
  text?: string;
  /** base64 of the bytes (any other Accept). */
  base64?: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * A reveal panel's GET through the proxy: never the query cache, never the API inspector (`fetchUnrecorded`).
 * The caller holds the answer in its own state only.
 */
export async function fetchRevealed(service: string, req: { path: string; accept: string }, signal?: AbortSignal): Promise<Revealed> {
  const res = await fetchUnrecorded(`/api/os/${service}/${req.path}`, req.accept, signal);
  const contentType = res.headers.get('content-type') ?? req.accept;
  if (req.accept.startsWith('text/')) return { contentType, text: await res.text() };
  return { contentType, base64: toBase64(new Uint8Array(await res.arrayBuffer())) };
}
