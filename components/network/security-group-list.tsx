'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ResourceForm } from '@/components/resource/resource-form';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { securityGroupDefinition as def, SecurityGroupSchema } from '@/lib/resources/network/security-group';
import { Explain } from './edge-data';

export function SecurityGroupsList() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const href = useResourceHref();
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        <button type="button" className={buttonClass.primary} aria-expanded={open} onClick={() => setOpen(!open)}>
          Create security group
        </button>
      }
      notice={
        <>
          <Explain>
            A security group is a firewall applied to an instance&apos;s ports: it lists what traffic is allowed in (ingress) and out (egress), and
            everything else is dropped. A new group allows all outbound traffic and nothing inbound.
          </Explain>
          {open && (
            <div className="max-w-xl">
              <ResourceForm
                def={def}
                title="Create security group"
                submitLabel="Create security group"
                onCancel={() => setOpen(false)}
                onCreated={(body) => {
                  setOpen(false);
                  const g = SecurityGroupSchema.safeParse((body as { security_group?: unknown }).security_group);
                  if (g.success) router.push(href('security-groups', g.data.id));
                }}
              />
            </div>
          )}
        </>
      }
    />
  );
}
