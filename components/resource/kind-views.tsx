// What is special about a kind's pages: per slug, the components that replace the generic list, detail or
// create page (kind-pages.tsx), plus pages below an object (a zone's recordsets) and named pages beside the
// objects (zones/record). A kind that is not listed here gets the generic pages from its definition.
// Server module: the routes under app/[cloud]/[projectId]/[kind] pick the component; only the rendered one's
// code reaches the browser.
import type { ComponentType } from 'react';
import { InstanceDetail } from '@/components/compute/instance-detail';
import { InstancesList } from '@/components/compute/instances-list';
import { LaunchForm } from '@/components/compute/launch-form';
import { ClusterCreateForm } from '@/components/container-infra/cluster-create';
import { ClusterDetail } from '@/components/container-infra/cluster-detail';
import { ClusterTemplateCreateForm } from '@/components/container-infra/template-create';
import { RecordZonePicker } from '@/components/dns/record-zone-picker';
import { RecordsetCreatePage, RecordsetEditPage } from '@/components/dns/recordset-form';
import { ZoneDetail } from '@/components/dns/zone-detail';
import { ZonesList } from '@/components/dns/zones-list';
import { ImageCreateForm } from '@/components/image/image-create';
import { ImageDetail } from '@/components/image/image-detail';
import { SecretDetail } from '@/components/key-manager/secret-detail';
import { FloatingIpDetail } from '@/components/network/floating-ip-detail';
import { NetworkCreateForm } from '@/components/network/network-create';
import { NetworkDetail } from '@/components/network/network-detail';
import { RouterDetail } from '@/components/network/router-detail';
import { RoutersList } from '@/components/network/router-list';
import { SecurityGroupDetail } from '@/components/network/security-group-detail';
import { SecurityGroupsList } from '@/components/network/security-group-list';
import { ContainersList } from '@/components/object-store/containers-list';
import { ObjectBrowser } from '@/components/object-store/object-browser';
import { TopologyView } from '@/components/topology/topology-view';
import { VolumeCreateForm } from '@/components/volume/volume-create';
import { VolumeDetail } from '@/components/volume/volume-detail';

export interface KindViews {
  List?: ComponentType;
  Detail?: ComponentType<{ id: string }>;
  Create?: ComponentType;
  /** Pages below one object: `<slug>/<id>/<rest...>`; null when there is none at that path. */
  Below?: (props: { id: string; rest: string[] }) => React.ReactNode;
  /** Named pages at `<slug>/<name>`, beside the objects' pages. */
  Named?: Record<string, ComponentType>;
}

// Swift's browser takes the container name from the URL (the segment Next hands over is percent-encoded).
const Container = ({ id }: { id: string }) => <ObjectBrowser container={id} />;

export const KIND_VIEWS: Record<string, KindViews> = {
  instances: { List: InstancesList, Detail: InstanceDetail, Create: LaunchForm },
  volumes: { Detail: VolumeDetail, Create: VolumeCreateForm },
  images: { Detail: ImageDetail, Create: ImageCreateForm },
  networks: { Detail: NetworkDetail, Create: NetworkCreateForm },
  routers: { List: RoutersList, Detail: RouterDetail },
  'floating-ips': { Detail: FloatingIpDetail },
  'security-groups': { List: SecurityGroupsList, Detail: SecurityGroupDetail },
  topology: { List: TopologyView },
  zones: {
    List: ZonesList,
    Detail: ZoneDetail,
    Named: { record: RecordZonePicker },
    Below: ({ id, rest }) => {
      if (rest[0] !== 'recordsets' || rest.length !== 2) return null;
      return rest[1] === 'new' ? <RecordsetCreatePage zoneId={id} /> : <RecordsetEditPage zoneId={id} recordsetId={rest[1]} />;
    },
  },
  secrets: { Detail: SecretDetail },
  clusters: { Detail: ClusterDetail, Create: ClusterCreateForm },
  'cluster-templates': { Create: ClusterTemplateCreateForm },
  containers: { List: ContainersList, Detail: Container },
};
