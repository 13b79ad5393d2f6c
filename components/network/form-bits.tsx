'use client';
import { useCallback } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { issueMsg } from '@/lib/i18n/issue';

/** The box around an inline form on a detail page. */
export const panel = 'mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

/**
 * The network forms' field errors in the page's language: a schema's message is a catalog key, or a key with values
 * as JSON (lib/resources/network/issue.ts); an API's own message shows as it came. `withText` does it for a field's
 * props (`{...withText(form.field('name'))}`).
 */
export function useIssueText() {
  const m = useMsg();
  const text = useCallback((error: string | undefined) => (error ? m(issueMsg(error)) : undefined), [m]);
  const withText = useCallback(<F extends { error?: string }>(field: F): F => ({ ...field, error: text(field.error) }), [text]);
  return { text, withText };
}
