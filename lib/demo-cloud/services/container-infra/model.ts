import type { CloudCore } from '../../core/cloud';
import { stableUuid } from '../../core/ids';
import type { Transitional } from '../../core/transitions';
import { seedProjectId, seedUserId } from '../identity/seed';
import { imagesNamed } from '../image/api';

// Magnum cluster templates and clusters as plain JSON (the `container-infra` state slice).

export interface ClusterTemplate {
  uuid: string;
  name: string;
  coe: string;
  image_id: string;
  flavor_id: string | null;
  master_flavor_id: string | null;
  dns_nameserver: string | null;
  keypair_id: string | null;
  external_network_id: string | null;
  fixed_network: string | null;
  fixed_subnet: string | null;
  network_driver: string | null;
  apiserver_port: number | null;
  docker_volume_size: number | null;
  cluster_distro: string;
  http_proxy: string | null;
  https_proxy: string | null;
  no_proxy: string | null;
  volume_driver: string | null;
  registry_enabled: boolean;
  labels: Record<string, string>;
  tls_disabled: boolean;
  public: boolean;
  server_type: string;
  insecure_registry: string | null;
  docker_storage_driver: string | null;
  master_lb_enabled: boolean;
  floating_ip_enabled: boolean;
  project_id: string;
  user_id: string;
  hidden: boolean;
  tags: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface Cluster extends Transitional {
  uuid: string;
  name: string;
  cluster_template_id: string;
  keypair: string | null;
  node_count: number;
  master_count: number;
  docker_volume_size: number | null;
  labels: Record<string, string>;
  master_flavor_id: string | null;
  flavor_id: string | null;
  create_timeout: number;
  stack_id: string | null;
  status: string;
  status_reason: string | null;
  health_status: string | null;
  health_status_reason: Record<string, unknown>;
  discovery_url: string | null;
  api_address: string | null;
  coe_version: string | null;
  container_version: string | null;
  project_id: string;
  user_id: string;
  node_addresses: string[];
  master_addresses: string[];
  fixed_network: string | null;
  fixed_subnet: string | null;
  floating_ip_enabled: boolean;
  merge_labels: boolean;
  labels_overridden: Record<string, string>;
  labels_added: Record<string, string>;
  labels_skipped: Record<string, string>;
  master_lb_enabled: boolean;
  created_at: string;
  updated_at: string | null;
  /** The cluster CA, made on first use (never rendered). */
  ca?: { cert: string; key: string };
  /** Addresses the cluster's nodes hold (never rendered): the floating IP's id, or null on its private network. */
  held_addresses?: Record<string, string | null>;
}

export interface ContainerInfraState {
  templates: ClusterTemplate[];
  clusters: Cluster[];
}

/** Magnum's timestamps: 2026-11-25T14:34:55+00:00. */
export const isoMagnum = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

export function newTemplate(init: Partial<ClusterTemplate> & Pick<ClusterTemplate, 'uuid' | 'name' | 'coe' | 'image_id' | 'project_id' | 'user_id' | 'created_at' | 'cluster_distro'>): ClusterTemplate {
  return {
    flavor_id: null,
    master_flavor_id: null,
    dns_nameserver: null,
    keypair_id: null,
    external_network_id: null,
    fixed_network: null,
    fixed_subnet: null,
    network_driver: null,
    apiserver_port: null,
    docker_volume_size: null,
    http_proxy: null,
    https_proxy: null,
    no_proxy: null,
    volume_driver: null,
    registry_enabled: false,
    labels: {},
    tls_disabled: false,
    public: false,
    server_type: 'vm',
    insecure_registry: null,
    docker_storage_driver: null,
    master_lb_enabled: false,
    floating_ip_enabled: true,
    hidden: false,
    tags: null,
    updated_at: null,
    ...init,
  };
}

export function seedContainerInfra(core: CloudCore): ContainerInfraState {
  const named = (name: string) => imagesNamed(core, name, seedProjectId('demo'), false)[0];
  const image = named('fedora-coreos') ? 'fedora-coreos' : 'ubuntu-22.04';
  const distro = named(image)?.properties?.os_distro ?? (image === 'fedora-coreos' ? 'fedora-coreos' : 'ubuntu');
  return {
    templates: [
      newTemplate({
        uuid: stableUuid('clustertemplate', 'k8s-default'),
        name: 'k8s-default',
        coe: 'kubernetes',
        image_id: image,
        cluster_distro: distro,
        flavor_id: 'm1.small',
        master_flavor_id: 'm1.small',
        external_network_id: 'public',
        network_driver: 'flannel',
        docker_volume_size: 10,
        labels: { kube_tag: 'v1.23.3-rancher1', container_runtime: 'containerd' },
        project_id: seedProjectId('demo'),
        user_id: seedUserId('demo'),
        created_at: '2026-01-01T00:00:00+00:00',
      }),
    ],
    clusters: [],
  };
}
