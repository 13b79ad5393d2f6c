'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ResourceForm } from '@/components/resource/resource-form';
import { useResourceHref } from '@/lib/resources/hooks';
import { securityGroupDefinition as def, SecurityGroupSchema } from '@/lib/resources/network/security-group';
import { EdgeList } from './edge-data';

export function SecurityGroupsList() {
  const t = useTranslations('network.securityGroups');
  const router = useRouter();
  const href = useResourceHref();
  return (
    <EdgeList
      def={def}
      button={t('create')}
      explain={t('explain')}
      panel={(close) => (
        <div className="max-w-xl">
          <ResourceForm
            def={def}
            title={t('create')}
            submitLabel={t('create')}
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
