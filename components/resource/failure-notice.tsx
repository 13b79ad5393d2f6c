import { explainFailure } from '@/lib/resources/explain';

/**
 * A failed resource's own message (Nova fault, Cinder user message, Magnum status reason, Ironic last_error) with a
 * plain-language explanation and the likely next step when the message is a known one.
 */
export function FailureNotice({ title, message, source, requestId, code }: { title: string; message: string; source: string; requestId?: string; code?: number }) {
  const why = explainFailure(message);
  return (
    <div role="alert" aria-label={title} className="space-y-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-medium">
        {title}
        {code ? ` (${code})` : ''}
      </p>
      {why && (
        <>
          <p>{why.summary}</p>
          <p>
            <span className="font-medium">Next step: </span>
            {why.next}
          </p>
        </>
      )}
      <p className={why ? 'text-xs opacity-80' : ''}>
        {why ? `${source} said: ` : ''}
        <span className="break-words">{message}</span>
      </p>
      {requestId && <p className="font-mono text-xs opacity-80">Request ID: {requestId}</p>}
    </div>
  );
}
