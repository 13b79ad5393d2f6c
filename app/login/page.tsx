import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageSelect } from '@/components/i18n/language-select';
import { LoginForm, type LoginCloud } from '@/components/auth/login-form';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { getClouds } from '@/lib/config/clouds';
import { safeNextPath } from '@/lib/client/next-path';
import { unsealLoginFailure } from '@/lib/openstack/login-failure';
import { unsealChallenge } from '@/lib/openstack/login-mfa';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('pageTitle') };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const clouds: LoginCloud[] = getClouds().map((c) => ({
    id: c.id,
    displayName: c.displayName,
    userDomainName: c.userDomainName,
    demo: c.demo,
  }));
  const requestedCloud = first(params.cloud);
  const initialCloud = clouds.find((c) => c.id === requestedCloud)?.id ?? clouds[0]?.id ?? '';
  // `?method=` is how the tabs switch without JavaScript; `?failed=` a refused form log-in (api/auth/login/form).
  const method = first(params.method);
  const failure = await unsealLoginFailure(first(params.failed));
  // `?mfa=`: the password was right and Keystone wants a passcode (api/auth/login/form); an expired one is dropped.
  const sealed = first(params.mfa);
  const challenge = await unsealChallenge(sealed);
  const mfa = sealed && challenge && challenge.cloud === initialCloud ? { challenge: sealed, user: challenge.user.name } : undefined;

  return (
    <main className="relative flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="absolute top-4 right-4 flex items-end gap-2">
        <LanguageSelect className="block text-xs" labelClassName="sr-only" />
        <ThemeToggle />
      </div>
      <div className="w-full max-w-md">
        <div className="mb-8 flex items-center justify-center gap-3">
          <Logo />
          <span className="text-2xl font-semibold tracking-tight">Stratus</span>
        </div>
        <LoginForm
          clouds={clouds}
          initialCloud={initialCloud}
          next={safeNextPath(first(params.next))}
          expired={first(params.reason) === 'expired'}
          initialMethod={method === 'application_credential' ? method : 'password'}
          failure={failure}
          mfa={mfa}
        />
      </div>
    </main>
  );
}

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="h-9 w-9">
      <rect width="32" height="32" rx="7" className="fill-brand-600" />
      <path d="M9 21.5h13.5a4.5 4.5 0 0 0 .6-8.96A6 6 0 0 0 11.5 12 4.75 4.75 0 0 0 9 21.5Z" fill="#fff" />
    </svg>
  );
}
