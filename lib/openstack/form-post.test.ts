import { describe, expect, it } from 'vitest';
import { formPostRefusal, isLoginMethod, isUrlEncodedForm, loginFormInput } from './form-post';

const OWN = 'https://dash.example';
const headers = (h: Record<string, string>) => new Headers(h);

describe('formPostRefusal', () => {
  it('accepts a form posted by a page of the dashboard (Origin)', () => {
    expect(formPostRefusal(headers({ origin: OWN }), OWN)).toBeNull();
  });

  it('without Origin, accepts a Referer on the dashboard, and judges it by its origin alone', () => {
    expect(formPostRefusal(headers({ referer: `${OWN}/login?next=%2Fdemo` }), OWN)).toBeNull();
  });

  it('refuses another site, another scheme or another port', () => {
    for (const origin of ['https://evil.example', 'http://dash.example', 'https://dash.example:8443', 'https://dash.example.evil.example']) {
      expect(formPostRefusal(headers({ origin }), OWN), origin).toBe('Cross-origin request refused');
    }
  });

  it('Origin decides when present: a same-origin Referer does not rescue a foreign Origin', () => {
    expect(formPostRefusal(headers({ origin: 'https://evil.example', referer: `${OWN}/login` }), OWN)).toBe('Cross-origin request refused');
  });

  it('refuses an opaque origin ("null": sandboxed documents, cross-site redirects) and malformed values', () => {
    expect(formPostRefusal(headers({ origin: 'null', referer: `${OWN}/login` }), OWN)).toBe('Cross-origin request refused');
    expect(formPostRefusal(headers({ referer: 'not a url' }), OWN)).toBe('Cross-origin request refused');
    expect(formPostRefusal(headers({ referer: 'javascript:alert(1)' }), OWN)).toBe('Cross-origin request refused');
  });

  it('refuses a POST that says nowhere where it comes from', () => {
    expect(formPostRefusal(headers({}), OWN)).toBe('Request is not same-origin (no Origin or Referer header)');
    expect(formPostRefusal(headers({ origin: '' }), OWN)).toBe('Request is not same-origin (no Origin or Referer header)');
    expect(formPostRefusal(headers({ origin: OWN }), null)).toBe('Request is not same-origin (no Host header)');
  });

  it('names the likely cause of an https page posting to what the server believes is http', () => {
    expect(formPostRefusal(headers({ origin: OWN }), 'http://dash.example')).toMatch(/STRATUS_TRUST_PROXY=1/);
  });
});

describe('isUrlEncodedForm', () => {
  it('is the plain form encoding, whatever its parameters and case', () => {
    expect(isUrlEncodedForm('application/x-www-form-urlencoded')).toBe(true);
    expect(isUrlEncodedForm('Application/X-WWW-Form-Urlencoded; charset=UTF-8')).toBe(true);
    expect(isUrlEncodedForm('application/json')).toBe(false);
    expect(isUrlEncodedForm('multipart/form-data; boundary=x')).toBe(false);
    expect(isUrlEncodedForm(null)).toBe(false);
  });
});

describe('loginFormInput', () => {
  it('reads a password log-in, decoding the form encoding', () => {
    expect(loginFormInput('method=password&cloud=demo&username=d%C3%A9mo&password=a%2Bb+c%26d&userDomain=Default&next=%2Fdemo%2Fp1%3Fregion%3DR')).toEqual({
      method: 'password',
      cloud: 'demo',
      username: 'démo',
      password: 'a+b c&d',
      userDomain: 'Default',
      next: '/demo/p1?region=R',
    });
  });

  it('takes a password log-in when the method is missing, and empty strings for missing fields', () => {
    expect(loginFormInput('cloud=demo&username=demo')).toEqual({ method: 'password', cloud: 'demo', username: 'demo', password: '', userDomain: '' });
  });

  it('reads only the chosen method’s fields', () => {
    expect(loginFormInput('method=application_credential&cloud=demo&applicationCredentialId=abc&applicationCredentialSecret=s&username=demo&password=x')).toEqual({
      method: 'application_credential',
      cloud: 'demo',
      applicationCredentialId: 'abc',
      applicationCredentialSecret: 's',
    });
  });

  it('a repeated field counts once (its first value); unknown fields and an unknown method’s fields are dropped', () => {
    expect(loginFormInput('username=a&username=b&password=p&userDomain=D&cloud=c&projectId=x&region=y')).toEqual({
      method: 'password', cloud: 'c', username: 'a', password: 'p', userDomain: 'D',
    });
    expect(loginFormInput('method=token&cloud=c&token=t')).toEqual({ method: 'token', cloud: 'c' });
    expect(isLoginMethod('token')).toBe(false);
    expect(isLoginMethod('toString')).toBe(false);
  });
});
