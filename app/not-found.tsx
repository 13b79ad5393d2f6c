import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('pages.notFound');
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('body')}</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        {t('home')}
      </Link>
    </main>
  );
}
