'use client';

import Link from 'next/link';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { useResourceHref } from '@/lib/resources/hooks';
import { containerDefinition } from '@/lib/resources/key-manager/container';
import { refId } from '@/lib/resources/key-manager/secret';

export function ContainerDetail({ id }: { id: string }) {
  const href = useResourceHref();
  return (
    <ResourceDetail
      def={containerDefinition}
      id={id}
      overviewExtra={(c) => (
        <section aria-labelledby="container-secrets" className="space-y-2">
          <h2 id="container-secrets" className="text-lg font-semibold">Secrets</h2>
          {c.secret_refs.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">This container references no secrets.</p>
          ) : (
            <table className="min-w-full rounded-lg border border-zinc-200 text-sm dark:border-zinc-800" aria-label="Container secrets">
              <thead className="bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:bg-zinc-800/50 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2">Reference name</th>
                  <th scope="col" className="px-3 py-2">Secret</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {c.secret_refs.map((r) => (
                  <tr key={`${r.name}-${r.secret_ref}`}>
                    <td className="px-3 py-2 font-mono text-xs">{r.name ?? '—'}</td>
                    <td className="px-3 py-2">
                      <Link href={href('secrets', encodeURIComponent(refId(r.secret_ref)))} className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-300">
                        {refId(r.secret_ref)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    />
  );
}
