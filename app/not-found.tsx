import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        Go to the dashboard
      </Link>
    </main>
  );
}
