'use client';
// What is special about a kind's pages: per slug, the components that replace the generic list, detail or
// create page (kind-pages.tsx). A kind that is not listed here gets the generic pages from its definition; pages
// below an object and parent pickers come from its tabs (child-pages.tsx: a zone's recordsets, zones/record).
// A client module of dynamic imports, one chunk per view: imported statically (or from the server pages), every
// kind's code was in each route's first-load JavaScript (409 kB gzip instead of 244). The server pages learn which
// paths exist from kind-routes.ts and render <KindView>.
import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
// The generic pages are chunks too: a route whose kind has its own list (instances) carries no generic table code.
const KindCreate = dynamic(() => import('./kind-pages').then((m) => m.KindCreate));
const KindDetail = dynamic(() => import('./kind-pages').then((m) => m.KindDetail));
const KindList = dynamic(() => import('./kind-pages').then((m) => m.KindList));
const ChildPage = dynamic(() => import('./child-pages').then((m) => m.ChildPage));
const ChildPicker = dynamic(() => import('./child-pages').then((m) => m.ChildPicker));
const InstanceDetail = dynamic(() => import('@/components/compute/instance-detail').then((m) => m.InstanceDetail));
const InstancesList = dynamic(() => import('@/components/compute/instances-list').then((m) => m.InstancesList));
const LaunchForm = dynamic(() => import('@/components/compute/launch-form').then((m) => m.LaunchForm));
const ClusterCreateForm = dynamic(() => import('@/components/container-infra/cluster-create').then((m) => m.ClusterCreateForm));
const ClusterDetail = dynamic(() => import('@/components/container-infra/cluster-detail').then((m) => m.ClusterDetail));
const ClusterTemplateCreateForm = dynamic(() => import('@/components/container-infra/template-create').then((m) => m.ClusterTemplateCreateForm));
const ImageCreateForm = dynamic(() => import('@/components/image/image-create').then((m) => m.ImageCreateForm));
const FloatingIpsList = dynamic(() => import('@/components/network/floating-ip-list').then((m) => m.FloatingIpsList));
const ImageDetail = dynamic(() => import('@/components/image/image-detail').then((m) => m.ImageDetail));
const NetworkCreateForm = dynamic(() => import('@/components/network/network-create').then((m) => m.NetworkCreateForm));
const NetworkDetail = dynamic(() => import('@/components/network/network-detail').then((m) => m.NetworkDetail));
const RouterDetail = dynamic(() => import('@/components/network/router-detail').then((m) => m.RouterDetail));
const RoutersList = dynamic(() => import('@/components/network/router-list').then((m) => m.RoutersList));
const SecurityGroupDetail = dynamic(() => import('@/components/network/security-group-detail').then((m) => m.SecurityGroupDetail));
const SecurityGroupsList = dynamic(() => import('@/components/network/security-group-list').then((m) => m.SecurityGroupsList));
const ContainersList = dynamic(() => import('@/components/object-store/containers-list').then((m) => m.ContainersList));
const ObjectBrowser = dynamic(() => import('@/components/object-store/object-browser').then((m) => m.ObjectBrowser));
const TopologyView = dynamic(() => import('@/components/topology/topology-view').then((m) => m.TopologyView));
const VolumeCreateForm = dynamic(() => import('@/components/volume/volume-create').then((m) => m.VolumeCreateForm));
const VolumeDetail = dynamic(() => import('@/components/volume/volume-detail').then((m) => m.VolumeDetail));
const LoadBalancerCreateForm = dynamic(() => import('@/components/load-balancer/lb-create').then((m) => m.LoadBalancerCreateForm));
const LoadBalancerDetail = dynamic(() => import('@/components/load-balancer/lb-detail').then((m) => m.LoadBalancerDetail));
const StackDetail = dynamic(() => import('@/components/orchestration/stack-detail').then((m) => m.StackDetail));
const StackLaunch = dynamic(() => import('@/components/orchestration/stack-launch').then((m) => m.StackLaunch));
const HeatExport = dynamic(() => import('@/components/orchestration/heat-export').then((m) => m.HeatExport));
const DatabaseInstanceCreate = dynamic(() => import('@/components/database/instance-create').then((m) => m.DatabaseInstanceCreate));
const DatabaseInstanceDetail = dynamic(() => import('@/components/database/instance-detail').then((m) => m.DatabaseInstanceDetail));
const ShareDetail = dynamic(() => import('@/components/shared-file-system/share-detail').then((m) => m.ShareDetail));
const AppCredentialCreate = dynamic(() => import('@/components/identity/app-credential-create').then((m) => m.AppCredentialCreate));
const AdminProjectDetail = dynamic(() => import('@/components/identity/project-quotas').then((m) => m.AdminProjectDetail));

export interface KindViews {
  List?: ComponentType;
  Detail?: ComponentType<{ id: string }>;
  Create?: ComponentType;
}

// Swift's browser takes the container name from the URL (the segment Next hands over is percent-encoded).
const Container = ({ id }: { id: string }) => <ObjectBrowser container={id} />;

export const KIND_VIEWS: Record<string, KindViews> = {
  instances: { List: InstancesList, Detail: InstanceDetail, Create: LaunchForm },
  volumes: { Detail: VolumeDetail, Create: VolumeCreateForm },
  images: { Detail: ImageDetail, Create: ImageCreateForm },
  networks: { Detail: NetworkDetail, Create: NetworkCreateForm },
  routers: { List: RoutersList, Detail: RouterDetail },
  'security-groups': { List: SecurityGroupsList, Detail: SecurityGroupDetail },
  'floating-ips': { List: FloatingIpsList },
  topology: { List: TopologyView },
  clusters: { Detail: ClusterDetail, Create: ClusterCreateForm },
  'cluster-templates': { Create: ClusterTemplateCreateForm },
  containers: { List: ContainersList, Detail: Container },
  'load-balancers': { Detail: LoadBalancerDetail, Create: LoadBalancerCreateForm },
  stacks: { Detail: StackDetail, Create: StackLaunch },
  'heat-export': { List: HeatExport },
  shares: { Detail: ShareDetail },
  databases: { Detail: DatabaseInstanceDetail, Create: DatabaseInstanceCreate },
  'application-credentials': { Create: AppCredentialCreate },
  'admin/projects': { Detail: AdminProjectDetail },
};

/** One page of a section: its override, else the generic page from the definition. */
export function KindView({ slug, part, id = '', rest = [] }: { slug: string; part: 'list' | 'detail' | 'create' | 'named' | 'below'; id?: string; rest?: string[] }) {
  const v = KIND_VIEWS[slug];
  switch (part) {
    case 'list':
      return v?.List ? <v.List /> : <KindList slug={slug} />;
    case 'detail':
      return v?.Detail ? <v.Detail id={id} /> : <KindDetail slug={slug} id={id} />;
    case 'create':
      return v?.Create ? <v.Create /> : <KindCreate slug={slug} />;
    case 'named':
      return <ChildPicker slug={slug} name={id} />;
    case 'below':
      return <ChildPage slug={slug} id={id} rest={rest} />;
  }
}
