import { ApiError } from '@/lib/client/api';

/** An API refusal with the service's message and the request id, for forms and toasts. */
export function ApiErrorNotice({ error, title = 'The request failed' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const service = error instanceof ApiError ? error.service : undefined;
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-medium">{title}</p>
      <p className="mt-0.5">{message}</p>
      {(requestId || status) && (
        <p className="mt-1 font-mono text-xs text-red-800/80 dark:text-red-200/80">
          {status ? `HTTP ${status}` : ''}
          {service ? ` · ${service}` : ''}
          {requestId ? ` · request id ${requestId}` : ''}
        </p>
      )}
    </div>
  );
}
