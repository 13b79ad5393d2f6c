import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { itRefuses } from '@/lib/testing/refusals';
import { createClusterCa, signCsr } from '@/lib/demo-cloud/services/container-infra/pki';
import { busySince, canConfigure, canResize, clusterCreateCli, clusterCreateRequest, ClusterCreateSchema, clusterStatus, resizeProblem, resizeRequest, type Cluster } from './cluster';
import { clusterTemplateCreateCli, clusterTemplateCreateRequest, ClusterTemplateCreateSchema, parseLabels } from './cluster-template';
import { generateClientKey, kubeconfigYaml } from './kubeconfig';

const cluster = (o: Partial<Cluster>): Cluster => ({ uuid: 'c1', name: 'k1', cluster_template_id: 't1', status: 'CREATE_COMPLETE', node_count: 2, ...o });

describe('cluster status', () => {
  it.each([
    ['CREATE_IN_PROGRESS', 'busy'],
    ['UPDATE_IN_PROGRESS', 'busy'],
    ['DELETE_IN_PROGRESS', 'busy'],
    ['CREATE_FAILED', 'error'],
    ['UPDATE_COMPLETE', 'ok'],
    [null, 'unknown'],
  ] as const)('%s is %s', (status, tone) => {
    expect(clusterStatus({ status, status_reason: 'why' }).tone).toBe(tone);
  });
  it('carries the reason of a failure', () => {
    expect(clusterStatus({ status: 'CREATE_FAILED', status_reason: 'No valid host' }).detail).toBe('No valid host');
  });
  it('times only transitions, from updated_at', () => {
    expect(busySince(cluster({ status: 'UPDATE_IN_PROGRESS', created_at: 'a', updated_at: 'b' }))).toBe('b');
    expect(busySince(cluster({ status: 'CREATE_IN_PROGRESS', created_at: 'a', updated_at: null }))).toBe('a');
    expect(busySince(cluster({ status: 'CREATE_COMPLETE', created_at: 'a' }))).toBe('');
  });
  it('offers the kubeconfig and resize only where Magnum allows them', () => {
    expect(canConfigure(cluster({ api_address: 'https://x:6443' }))).toBe(true);
    expect(canConfigure(cluster({ api_address: null }))).toBe(false);
    expect(canConfigure(cluster({ status: 'CREATE_IN_PROGRESS', api_address: 'https://x' }))).toBe(false);
    expect(canResize(cluster({ status: 'UPDATE_FAILED' }))).toBe(true);
    expect(canResize(cluster({ status: 'CREATE_FAILED' }))).toBe(false);
  });
});

describe('cluster create and resize', () => {
  const base = { name: 'k8s-a', templateId: 't1', masterCount: '1', nodeCount: '2', keypair: '', masterFlavorId: '', flavorId: 'm1.small', timeout: '30' };
  it('builds the body Magnum expects', () => {
    expect(clusterCreateRequest(ClusterCreateSchema.parse(base))).toEqual({
      method: 'POST', path: 'clusters',
      body: { name: 'k8s-a', cluster_template_id: 't1', master_count: 1, node_count: 2, flavor_id: 'm1.small', create_timeout: 30 },
    });
    expect(clusterCreateCli(base, 'k8s-default')).toBe('openstack coe cluster create --cluster-template k8s-default --master-count 1 --node-count 2 --flavor m1.small --timeout 30 k8s-a');
  });
  itRefuses(ClusterCreateSchema, base, {
    nodeCount: { '0': 'At least 1', '-2': 'At least 1', '1.5': 'Enter a whole number of nodes' },
    masterCount: { '0': 'At least 1' },
    name: { '1abc': "Start with a letter; use letters, digits, '.', '_' and '-' only" },
    templateId: { '': 'Choose a cluster template' },
    timeout: { '0': 'Enter whole minutes, at least 1' },
  });
  it('resizes with the resize action', () => {
    expect(resizeRequest(cluster({}), 3)).toEqual({ method: 'POST', path: 'clusters/c1/actions/resize', body: { node_count: 3 } });
    expect(en(resizeProblem(2, '0'))).toBe('At least 1 node');
    expect(en(resizeProblem(2, '2'))).toBe('The cluster already has 2 nodes');
    expect(en(resizeProblem(1, '1'))).toBe('The cluster already has 1 node');
    expect(en(resizeProblem(2, 'x'))).toBe('Enter a whole number of nodes');
    expect(resizeProblem(2, '3')).toBeUndefined();
  });
});

describe('cluster template create', () => {
  const base = { name: 'tpl', coe: 'kubernetes', imageId: 'img', keypairId: '', externalNetworkId: 'net1', masterFlavorId: '', flavorId: '', dockerVolumeSize: '10', networkDriver: 'calico', labels: 'a=1, b = x=y\nc=', public: false, hidden: false };
  it('parses labels as key=value pairs', () => {
    expect(parseLabels(base.labels)).toEqual({ labels: { a: '1', b: 'x=y', c: '' } });
    const r = parseLabels('novalue');
    expect('error' in r && en(r.error)).toBe('"novalue" is not key=value');
  });
  it('builds the body and the CLI line', () => {
    const i = ClusterTemplateCreateSchema.parse(base);
    expect(clusterTemplateCreateRequest(i).body).toEqual({ name: 'tpl', coe: 'kubernetes', image_id: 'img', external_network_id: 'net1', docker_volume_size: 10, network_driver: 'calico', labels: { a: '1', b: 'x=y', c: '' } });
    expect(clusterTemplateCreateCli(i, { image: 'fedora-coreos', network: 'public' })).toBe(
      'openstack coe cluster template create --coe kubernetes --image fedora-coreos --external-network public --docker-volume-size 10 --network-driver calico --labels a=1,b=x=y,c= tpl',
    );
  });
  itRefuses(ClusterTemplateCreateSchema, base, {
    imageId: { '': 'Choose an image' },
    coe: { k3s: 'Choose a container orchestration engine' },
    dockerVolumeSize: { '0': 'Enter a whole number of GiB, at least 1' },
    networkDriver: { docker: 'docker is not a network driver for kubernetes' },
    labels: { '=x': '"=x" is not key=value' },
  });
});

describe('kubeconfig', () => {
  it('makes a key and CSR that a Magnum CA signs, and writes what the CLI writes', async () => {
    const { keyPem, csrPem } = await generateClientKey();
    const csr = forge.pki.certificationRequestFromPem(csrPem);
    expect(csr.verify()).toBe(true);
    expect(csr.subject.getField('CN').value).toBe('admin');
    expect(csr.subject.getField('O').value).toBe('system:masters');
    const ca = createClusterCa('k1');
    const certPem = signCsr(ca, csrPem);
    const cert = forge.pki.certificateFromPem(certPem);
    expect(forge.pki.certificateFromPem(ca.cert).verify(cert)).toBe(true);
    // The certificate belongs to the key.
    const key = forge.pki.privateKeyFromPem(keyPem);
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n)).toBe(true);

    const yaml = kubeconfigYaml({ name: 'k1', server: 'https://172.24.4.12:6443', tls: { caPem: ca.cert, certPem, keyPem } });
    const lines = yaml.split('\n');
    expect(lines).toContain('current-context: default');
    expect(lines).toContain('    server: "https://172.24.4.12:6443"');
    const data = (k: string) => forge.util.decode64(lines.find((l) => l.trim().startsWith(`${k}:`))!.split(': ')[1]);
    expect(data('certificate-authority-data')).toBe(ca.cert);
    expect(data('client-certificate-data')).toBe(certPem);
    expect(data('client-key-data')).toBe(keyPem);
  }, 60_000);
  it('has no certificates without TLS', () => {
    const yaml = kubeconfigYaml({ name: 'k1', server: 'http://x:8080' });
    expect(yaml).not.toContain('-data:');
    expect(yaml).toContain('  user: {}');
  });
});
