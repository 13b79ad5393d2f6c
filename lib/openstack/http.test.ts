import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { describeNetworkError } from './http';

const failure = (code?: string, message?: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message ?? 'x'), code ? { code } : {}) });

describe('describeNetworkError', () => {
  it.each([
    ['identity', failure('ECONNREFUSED'), 502, 'Cannot reach Keystone at http://k/v3 (connection refused).'],
    ['compute', failure('ENOTFOUND'), 502, 'Cannot reach the compute service at http://k/v3 (host not found).'],
    ['compute', failure('ECONNRESET'), 502, 'Cannot reach the compute service at http://k/v3 (ECONNRESET).'],
    ['compute', failure(undefined, 'other end hung up'), 502, 'Cannot reach the compute service at http://k/v3 (other end hung up).'],
    ['image', new Error('no cause'), 502, 'Cannot reach the image service at http://k/v3 (network error).'],
    ['identity', failure('UND_ERR_CONNECT_TIMEOUT'), 504, 'Keystone at http://k/v3 did not answer in time (UND_ERR_CONNECT_TIMEOUT).'],
    ['volumev3', failure('CERT_HAS_EXPIRED'), 502, "TLS error talking to the volumev3 service at http://k/v3: CERT_HAS_EXPIRED. Configure the cloud's CA certificate (cacert) or check the certificate."],
  ])('%s: %s', (service, err, status, english) => {
    const e = describeNetworkError(err, service, 'http://k/v3');
    expect(e.status).toBe(status);
    expect(e.message).toBe(english);
    expect(en(e.text)).toBe(english);
  });
});
