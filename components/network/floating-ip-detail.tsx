'use client';

import { useState } from 'react';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { floatingIpDefinition as def, type FloatingIp } from '@/lib/resources/network/floating-ip';
import { FloatingIpPtr } from '@/components/dns/floating-ip-ptr';
import { useSectionAccess } from '@/components/shell/session-context';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { SelectField } from '@/components/ui/field';
import { useServerNames } from '@/lib/resources/compute/queries';
import { associateCli, associateRequest, associateTargets, resolveTarget } from '@/lib/resources/network/floating-ip';
import { EDGE_CHANGES, NEUTRON, usePorts } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { EdgeForm, Explain, TargetSelect } from './edge-data';

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

/** Associate from the floating IP: pick the instance, then its port / fixed IP when it has several. */
export function AssociateToInstanceForm({ fip, onDone }: { fip: { id: string; floating_ip_address: string }; onDone: () => void }) {
  const servers = useServerNames();
  const [serverId, setServerId] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ports = usePorts(`device_id=${encodeURIComponent(serverId)}`, !!serverId);
  const m = useOsMutation(NEUTRON, (t: { portId: string; fixedIp?: string }) => associateRequest(fip.id, t.portId, t.fixedIp), { invalidates: EDGE_CHANGES, onDone });
  const chosen = ports.data ? resolveTarget(ports.data, target) : undefined;
  return (
    <EdgeForm
      label="Associate floating IP"
      explain={`Traffic to ${fip.floating_ip_address} will reach the instance's fixed (private) IP, translated by the router between the pool network and the instance's subnet.`}
      error={m.error}
      errorTitle="Association refused"
      cli={associateCli(fip.floating_ip_address, chosen?.portId ?? '<port>', chosen?.fixedIp)}
      submit="Associate"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!serverId) return setErrors({ server: 'Choose an instance' });
        if (ports.data && associateTargets(ports.data).length === 0) return setErrors({ server: 'This instance has no IPv4 address to translate to' });
        if (!chosen) return setErrors({ target: 'Choose the port and fixed IP' });
        setErrors({});
        m.mutate(chosen);
      }}
    >
      <SelectField label="Instance" value={serverId} error={errors.server} onChange={(e) => { setServerId(e.target.value); setTarget(''); }} disabled={servers.isPending}>
        <option value="">{servers.isPending ? 'Loading instances…' : 'Choose an instance'}</option>
        {(servers.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.status})
          </option>
        ))}
      </SelectField>
      {ports.data && <TargetSelect ports={ports.data} value={target} onChange={setTarget} error={errors.target} />}
      {(servers.isError || ports.isError) && <ApiErrorNotice title="Could not load the instances or their ports" error={servers.error ?? ports.error} />}
    </EdgeForm>
  );
}
