import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { buttonClass } from './button';
import { useHydrated } from './use-hydrated';

/**
 * Submit (disabled while pending, worded `pendingLabel` then) and Cancel, the row under every form: Cancel is a
 * button calling `onCancel`, or a link back (`cancelHref`, the create pages). Submit waits for hydration (use-hydrated).
 */
export function FormButtons({ submit, pending, pendingLabel, disabled, onCancel, cancelHref }: { submit: string; pending: boolean; pendingLabel?: string; disabled?: boolean; onCancel?: () => void; cancelHref?: string }) {
  const t = useTranslations('common');
  const hydrated = useHydrated();
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass.primary} disabled={pending || disabled || !hydrated}>
        {pending && pendingLabel ? pendingLabel : submit}
      </button>
      {cancelHref ? (
        <Link href={cancelHref} className={buttonClass.secondary}>
          {t('cancel')}
        </Link>
      ) : (
        onCancel && (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>
            {t('cancel')}
          </button>
        )
      )}
    </div>
  );
}
