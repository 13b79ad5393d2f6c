// Streamed uploads from the browser through the proxy (Glance image data, Swift objects), with progress and
// cancel. fetch() cannot report upload progress, so this uses XMLHttpRequest; the File is sent as is (the
// browser streams it from disk; the proxy pipes it upstream without buffering).
import { msg } from '@/lib/i18n/msg';
import { beginMutation } from '@/lib/recorder/store';
import { ApiError, DryRunError, expiredLoginUrl, pageProjectId } from './api';
import { startCall } from './inspector';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  method: 'PUT' | 'POST';
  /** `/api/os/<service>/<path>` */
  url: string;
  body: Blob;
  headers?: Record<string, string>;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

/** Resolves with the response status and body text on 2xx; rejects with an ApiError otherwise. */
export function upload(opts: UploadOptions): Promise<{ status: number; body: string; requestId?: string }> {
  // An upload is recorded as its call only (a file is no JSON body); the recorder's dry run does not send it.
  const recorded = beginMutation({ method: opts.method, path: opts.url });
  if (recorded === 'dry-run') return Promise.reject(new DryRunError());
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method, opts.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Stratus-CSRF', '1');
    xhr.setRequestHeader('Accept', 'application/json');
    const project = pageProjectId(window.location.pathname);
    if (project) xhr.setRequestHeader('X-Stratus-Project', project);
    for (const [k, v] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : opts.body.size });
    const abort = () => xhr.abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    const finish = startCall({ method: opts.method, path: opts.url, headers: opts.headers, body: opts.body });
    xhr.onabort = () => {
      finish({ failure: 'cancelled' });
      reject(new DOMException('Upload cancelled', 'AbortError'));
    };
    xhr.onerror = () => {
      finish({ failure: 'connection lost' });
      reject(new ApiError({ status: 0, text: 'common.upload.connectionLost' }));
    };
    xhr.onload = () => {
      finish({ status: xhr.status, headers: xhrHeaders(xhr), body: xhr.responseText });
      recorded?.({ status: xhr.status });
      opts.signal?.removeEventListener('abort', abort);
      const requestId = xhr.getResponseHeader('x-openstack-request-id') ?? undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, body: xhr.responseText, requestId });
      if (xhr.status === 401) window.location.assign(expiredLoginUrl(window.location));
      // The service's own text, else the HTTP status text (both shown as they came), else ours (`text`, translated by
      // the view: see errorText in api.ts).
      let message = xhr.statusText;
      let service: string | undefined;
      let rid = requestId;
      try {
        const err = (JSON.parse(xhr.responseText) as { error?: { message?: string; service?: string; requestId?: string } }).error;
        if (err?.message) message = err.message;
        service = err?.service;
        rid = err?.requestId ?? rid;
      } catch {
        // not JSON: keep the status text
      }
      const init = { status: xhr.status, service, requestId: rid };
      reject(message ? new ApiError({ ...init, message }) : new ApiError({ ...init, text: msg('common.upload.failedStatus', { status: xhr.status }) }));
    };
    xhr.send(opts.body);
  });
}

/** An XHR's response headers as WHATWG Headers, for the API inspector. */
function xhrHeaders(xhr: XMLHttpRequest): Headers {
  const h = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const i = line.indexOf(':');
    if (i > 0) h.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return h;
}
