// TLS references of listeners and pools: Barbican secrets (a PKCS12 bundle) or certificate containers,
// checked as Octavia's cert manager does (it reads them with the caller's project and validates the data).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import { readableTlsRef } from './deps';
import { fault } from './errors';

const UNREADABLE_PKCS12 = 'The PKCS12 bundle is unreadable. Please check the PKCS12 bundle validity. In addition, make sure it does not '
  + "require a pass phrase. Error: [('asn1 encoding routines', '', 'wrong tag'), ('asn1 encoding routines', '', 'nested asn1 error')]";

/** A DER PFX starts with SEQUENCE { INTEGER 3, ... } (RFC 7292); anything else fails to parse. */
function looksLikePkcs12(b: Buffer): boolean {
  if (b.length < 8 || b[0] !== 0x30) return false;
  const lenBytes = b[1] & 0x80 ? b[1] & 0x7f : 0;
  const i = 2 + lenBytes;
  return b[i] === 0x02 && b[i + 1] === 0x01 && b[i + 2] === 0x03;
}

/** A certificate container whose certificate parses and matches its private key (the legacy cert manager's check). */
function validContainer(secrets: Record<string, Buffer | null>): boolean {
  const cert = secrets.certificate;
  const key = secrets.private_key;
  if (!cert) return false;
  try {
    const x509 = new X509Certificate(cert);
    if (!key) return true;
    const passphrase = secrets.private_key_passphrase?.toString('utf8');
    return x509.checkPrivateKey(createPrivateKey({ key, format: 'pem', ...(passphrase ? { passphrase } : {}) }));
  } catch {
    return false;
  }
}

/** Throws Octavia's 400 unless every ref names a readable PKCS12 secret or certificate container. */
export function validateTlsRefs(core: CloudCore, refs: string[], projectId: string): void {
  const bad: string[] = [];
  for (const ref of refs) {
    const found = readableTlsRef(core, ref, projectId);
    if (found?.kind === 'secret') {
      if (!found.payload || !looksLikePkcs12(found.payload)) throw fault(400, UNREADABLE_PKCS12);
    } else if (!found || found.type !== 'certificate' || !validContainer(found.secrets)) {
      bad.push(ref);
    }
  }
  if (bad.length) throw fault(400, `Could not retrieve certificate: [${bad.map((r) => `'${r}'`).join(', ')}]`);
}

/** A CA certificate (or CRL) secret for client authentication or pool re-encryption: it must be readable PEM. */
export function validateCaRefs(core: CloudCore, refs: Array<string | null>, projectId: string): void {
  const bad = refs.filter((r): r is string => !!r && readableTlsRef(core, r, projectId)?.kind !== 'secret');
  if (bad.length) throw fault(400, `Could not retrieve certificate: [${bad.map((r) => `'${r}'`).join(', ')}]`);
}
