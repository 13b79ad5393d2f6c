// Reading a secret's payload: GET /v1/secrets/{id}/payload with the Accept its content type needs.
// Outside the query cache on purpose: the caller holds the answer in component state and drops it on hide.
import { expiredLoginUrl, pageProjectId, parseApiError } from '@/lib/client/api';
import { KEY_MANAGER_SERVICE, refId } from './secret';

export interface RevealedPayload {
  contentType: string;
  /** The payload as text (text/plain secrets). */
  text?: string;
  /** base64 of the bytes (binary secrets). */
  base64?: string;
}

/** text/plain is served as text; everything else as bytes (Barbican serves any secret as octet-stream). */
export function payloadAccept(defaultType: string | undefined): string {
  if (!defaultType || defaultType.startsWith('text/plain')) return 'text/plain';
  return defaultType === 'application/pkcs8' ? 'application/pkcs8' : 'application/octet-stream';
}

export const payloadPath = (secretRef: string) => `/api/os/${KEY_MANAGER_SERVICE}/v1/secrets/${encodeURIComponent(refId(secretRef))}/payload`;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function fetchPayload(secretRef: string, defaultType: string | undefined, signal?: AbortSignal): Promise<RevealedPayload> {
  const accept = payloadAccept(defaultType);
  const headers: Record<string, string> = { Accept: accept };
  const project = typeof window !== 'undefined' ? pageProjectId(window.location.pathname) : undefined;
  if (project) headers['X-Stratus-Project'] = project;
  const res = await fetch(payloadPath(secretRef), { headers, credentials: 'same-origin', cache: 'no-store', signal });
  if (!res.ok) {
    if (res.status === 401 && typeof window !== 'undefined') window.location.assign(expiredLoginUrl(window.location));
    throw await parseApiError(res);
  }
  const contentType = res.headers.get('content-type') ?? accept;
  if (accept === 'text/plain') return { contentType, text: await res.text() };
  return { contentType, base64: toBase64(new Uint8Array(await res.arrayBuffer())) };
}
