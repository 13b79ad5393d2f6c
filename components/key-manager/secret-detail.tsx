'use client';

import { ResourceDetail } from '@/components/resource/resource-detail';
import { secretDefinition } from '@/lib/resources/key-manager/secret';
import { PayloadPanel } from './payload-panel';
import { SecretMetadata } from './secret-metadata';

export function SecretDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={secretDefinition}
      id={id}
      overviewExtra={(s) => <PayloadPanel key={s.secret_ref} secret={s} />}
      tabs={[{ id: 'metadata', label: 'Metadata', render: (s) => <SecretMetadata secret={s} /> }]}
    />
  );
}
