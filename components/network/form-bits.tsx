import { buttonClass } from '@/components/ui/button';

/** The box around an inline form on a detail page. */
export const panel = 'mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {submit}
      </button>
      <button type="button" className={buttonClass.secondary} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
