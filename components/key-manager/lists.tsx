'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { containerDefinition } from '@/lib/resources/key-manager/container';
import { secretDefinition } from '@/lib/resources/key-manager/secret';
import type { AnyDefinition } from '@/lib/resources/types';

type Slug = 'secrets' | 'secret-containers';
const PAGES: Record<Slug, { def: AnyDefinition; other: { slug: Slug; label: string }; create: string }> = {
  secrets: { def: secretDefinition, other: { slug: 'secret-containers', label: 'Containers' }, create: 'Store secret' },
  'secret-containers': { def: containerDefinition, other: { slug: 'secrets', label: 'Secrets' }, create: 'Create container' },
};

/** The Barbican lists, each linking to the other. Secrets never show a payload here: it is read on a secret's page, on request. */
export function KeyManagerList({ slug }: { slug: Slug }) {
  const href = useResourceHref();
  const p = PAGES[slug];
  return (
    <ResourceList
      def={p.def}
      detail
      headerActions={
        <>
          <Link href={href(p.other.slug)} className={buttonClass.secondary}>
            {p.other.label}
          </Link>
          <Link href={href(slug, 'new')} className={buttonClass.primary}>
            {p.create}
          </Link>
        </>
      }
    />
  );
}

export const SecretsList = () => <KeyManagerList slug="secrets" />;
export const ContainersList = () => <KeyManagerList slug="secret-containers" />;
