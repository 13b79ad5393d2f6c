'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { zoneDefinition } from '@/lib/resources/dns/zone';
import { ReverseDns } from './reverse-dns';
import { ZoneImport } from './zone-import';

export function ZonesList() {
  const href = useResourceHref();
  const [importing, setImporting] = useState(false);
  return (
    <div className="space-y-8">
      <ResourceList
        def={zoneDefinition}
        detail
        headerActions={
          <>
            <button type="button" className={buttonClass.secondary} aria-expanded={importing} onClick={() => setImporting((o) => !o)}>
              Import zone file
            </button>
            <Link href={href('zones', 'new')} className={buttonClass.primary}>
              Create zone
            </Link>
          </>
        }
        notice={importing ? <ZoneImport onClose={() => setImporting(false)} /> : null}
      />
      <ReverseDns />
    </div>
  );
}
