import { buttonClass } from './button';

/** Submit (disabled while pending) and Cancel, the row under every inline form. */
export function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel?: () => void }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
