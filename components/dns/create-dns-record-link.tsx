'use client';

import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { useSectionAccess } from '@/components/shell/session-context';

/** "Create DNS record" for an address (an instance's floating IP): shown only when the cloud has Designate. */
export function CreateDnsRecordLink({ address, name }: { address?: string; name?: string }) {
  const href = useResourceHref();
  const hasDns = useSectionAccess('zones') === 'ok';
  if (!address || !hasDns) return null;
  const q = new URLSearchParams({ type: address.includes(':') ? 'AAAA' : 'A', records: address });
  if (name) q.set('name', name);
  return (
    <Link href={href('zones', 'record', q.toString())} className={buttonClass.secondary}>
      Create DNS record
    </Link>
  );
}
