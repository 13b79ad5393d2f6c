'use client';

import { useRouter } from 'next/navigation';
import { ResourceForm } from '@/components/resource/resource-form';
import { useResourceHref } from '@/lib/resources/hooks';
import { securityGroupDefinition as def, SecurityGroupSchema } from '@/lib/resources/network/security-group';
import { EdgeList } from './edge-data';

export function SecurityGroupsList() {
  const router = useRouter();
  const href = useResourceHref();
  return (
    <EdgeList
      def={def}
      button="Create security group"
      explain={
        <>
          A security group is a firewall applied to an instance&apos;s ports: it lists what traffic is allowed in (ingress) and out (egress), and
          everything else is dropped. A new group allows all outbound traffic and nothing inbound.
        </>
      }
      panel={(close) => (
        <div className="max-w-xl">
          <ResourceForm
            def={def}
            title="Create security group"
            submitLabel="Create security group"
            onCancel={close}
            onCreated={(body) => {
              close();
              const g = SecurityGroupSchema.safeParse((body as { security_group?: unknown }).security_group);
              if (g.success) router.push(href('security-groups', g.data.id));
            }}
          />
        </div>
      )}
    />
  );
}
