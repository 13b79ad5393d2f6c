import type { Metadata } from 'next';
import { ObjectBrowser } from '@/components/object-store/object-browser';
import { ObjectStoreGate } from '@/components/object-store/object-store-gate';

// Next passes the segment percent-encoded here (as in instances/[id]); a stray "%" must not crash the page.
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Params = Promise<{ cloud: string; projectId: string; container: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { container } = await params;
  return { title: `${decoded(container)} · Containers` };
}

export default async function ContainerPage({ params }: { params: Params }) {
  const { cloud, projectId, container } = await params;
  return (
    <ObjectStoreGate cloud={cloud} projectId={projectId}>
      <ObjectBrowser container={decoded(container)} />
    </ObjectStoreGate>
  );
}
