// `openstack coe cluster config` for Kubernetes, in the browser: a fresh client key and a CSR (CN=admin,
// O=system:masters, as python-magnumclient makes them), signed by Magnum (POST /v1/certificates), the cluster CA
// (GET /v1/certificates/{cluster_uuid}), then the kubeconfig the CLI writes. The private key never leaves the page.
import forge from 'node-forge';

export interface ClientKey {
  keyPem: string;
  csrPem: string;
}

/** A CSR for `key` with magnumclient's subject. */
export function csrFor(key: forge.pki.rsa.PrivateKey, publicKey: forge.pki.rsa.PublicKey): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = publicKey;
  csr.setSubject([
    { name: 'commonName', value: 'admin' },
    { name: 'organizationName', value: 'system:masters' },
  ]);
  csr.sign(key, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr);
}

/** RSA 2048 through Web Crypto when there is one (fast, native), else node-forge's own generator. */
export async function generateClientKey(): Promise<ClientKey> {
  const subtle = typeof globalThis.crypto !== 'undefined' ? globalThis.crypto.subtle : undefined;
  let key: forge.pki.rsa.PrivateKey;
  if (subtle) {
    const pair = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
    let bin = '';
    for (const b of pkcs8) bin += String.fromCharCode(b);
    const info = forge.asn1.fromDer(forge.util.createBuffer(bin));
    // privateKeyFromAsn1 unwraps the PKCS#8 PrivateKeyInfo itself.
    key = forge.pki.privateKeyFromAsn1(info) as forge.pki.rsa.PrivateKey;
  } else {
    key = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }).privateKey;
  }
  const pub = forge.pki.setRsaPublicKey(key.n, key.e);
  return { keyPem: forge.pki.privateKeyToPem(key), csrPem: csrFor(key, pub) };
}

const b64 = (s: string) => forge.util.encode64(s);
const q = (s: string) => JSON.stringify(s);

/**
 * The kubeconfig `openstack coe cluster config` writes (cluster = the cluster's name, user admin, context default).
 * Without TLS (a template with tls_disabled) there is no CA and no client certificate.
 */
export function kubeconfigYaml(o: { name: string; server: string; tls?: { caPem: string; certPem: string; keyPem: string } }): string {
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    ...(o.tls ? [`    certificate-authority-data: ${b64(o.tls.caPem)}`] : []),
    `    server: ${q(o.server)}`,
    `  name: ${q(o.name)}`,
    'contexts:',
    '- context:',
    `    cluster: ${q(o.name)}`,
    '    user: admin',
    '  name: default',
    'current-context: default',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: admin',
    ...(o.tls ? ['  user:', `    client-certificate-data: ${b64(o.tls.certPem)}`, `    client-key-data: ${b64(o.tls.keyPem)}`] : ['  user: {}']),
    '',
  ].join('\n');
}
