'use client';

import { useState } from 'react';
import { ResourceForm } from '@/components/resource/resource-form';
import { ResourceList } from '@/components/resource/resource-list';
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { CreatedKeypairSchema, keypairDefinition } from '@/lib/resources/compute/keypair';

/** Key pairs: create (the private key is offered for download exactly once, never stored), import, delete. */
export function KeypairsList() {
  const [mode, setMode] = useState<'create' | 'import' | null>(null);
  // Held in component memory only; dropped when dismissed or downloaded.
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  return (
    <ResourceList
      def={keypairDefinition}
      headerActions={
        <>
          <button type="button" className={buttonClass.primary} aria-expanded={mode === 'create'} onClick={() => setMode(mode === 'create' ? null : 'create')}>
            Create key pair
          </button>
          <button type="button" className={buttonClass.secondary} aria-expanded={mode === 'import'} onClick={() => setMode(mode === 'import' ? null : 'import')}>
            Import public key
          </button>
        </>
      }
      notice={
        <>
          {secret && (
            <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
              <p className="font-medium">Key pair {secret.name} created. Download the private key now: it is shown only once and the cloud does not keep it.</p>
              <div className="flex gap-2">
                <button
                  type="button"
                  className={buttonClass.primary}
                  onClick={() => {
                    download(`${secret.name}.pem`, 'application/x-pem-file', secret.key);
                    setDownloaded(secret.name);
                    setSecret(null);
                  }}
                >
                  Download private key
                </button>
                <button type="button" className={buttonClass.secondary} onClick={() => setSecret(null)}>
                  Dismiss without downloading
                </button>
              </div>
            </div>
          )}
          {downloaded && !secret && (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              Saved {downloaded}.pem. Keep it safe: <code className="font-mono">chmod 600 {downloaded}.pem</code>
            </p>
          )}
          {mode && (
            <ResourceForm
              key={mode}
              def={keypairDefinition}
              title={mode === 'create' ? 'Create key pair' : 'Import public key'}
              fields={mode === 'create' ? ['name'] : ['name', 'publicKey']}
              submitLabel={mode === 'create' ? 'Create key pair' : 'Import key'}
              onCancel={() => setMode(null)}
              onCreated={(body) => {
                setMode(null);
                setDownloaded(null);
                const r = CreatedKeypairSchema.safeParse((body as { keypair?: unknown } | undefined)?.keypair);
                if (r.success && r.data.private_key) setSecret({ name: r.data.name, key: r.data.private_key });
              }}
            />
          )}
        </>
      }
    />
  );
}
