'use client';

import { useState } from 'react';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { floatingIpDefinition as def, type FloatingIp } from '@/lib/resources/network/floating-ip';
import { FloatingIpPtr } from '@/components/dns/floating-ip-ptr';
import { useSectionAccess } from '@/components/shell/session-context';
import { Explain } from './edge-data';
import { AssociateToInstanceForm } from './floating-ip-associate';

export function FloatingIpDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={(f) => (
        <>
          <Explain>
            {f.port_id
              ? `Traffic to ${f.floating_ip_address} is translated to ${f.fixed_ip_address ?? 'the port'} by the router. A status of DOWN while associated means no L3 agent has activated it yet.`
              : 'Not associated: this address is reserved for your project but reaches nothing. Associate it with an instance, or release it back to the pool.'}
          </Explain>
          <ReverseDns fip={f} />
        </>
      )}
      extraActions={(f) => <Associate fip={f} />}
    />
  );
}

/** Designate's PTR record for the address, when the cloud has DNS. */
function ReverseDns({ fip }: { fip: FloatingIp }) {
  const hasDns = useSectionAccess('zones') === 'ok';
  return hasDns ? <FloatingIpPtr floatingIp={{ id: fip.id, floating_ip_address: fip.floating_ip_address }} /> : null;
}

function Associate({ fip }: { fip: FloatingIp }) {
  const [open, setOpen] = useState(false);
  if (fip.port_id) return null;
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open} onClick={() => setOpen(!open)}>
        Associate
      </button>
      <div className="basis-full">{open && <AssociateToInstanceForm fip={fip} onDone={() => setOpen(false)} />}</div>
    </>
  );
}
