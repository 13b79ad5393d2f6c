import { describe, expect, it } from 'vitest';
import { loginInput, LoginSchema } from './login-schema';

const data = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe('loginInput', () => {
  it('takes what the password fields hold', () => {
    const input = loginInput(data([['method', 'password'], ['cloud', 'demo'], ['username', 'demo'], ['password', 'pw'], ['userDomain', 'Default']]));
    expect(LoginSchema.parse(input)).toEqual({ method: 'password', cloud: 'demo', username: 'demo', password: 'pw', userDomain: 'Default' });
  });

  it('takes only the application credential fields on that tab', () => {
    const input = loginInput(data([['method', 'application_credential'], ['cloud', 'demo'], ['applicationCredentialId', 'id1'], ['applicationCredentialSecret', 's'], ['username', 'demo']]));
    expect(input).toEqual({ method: 'application_credential', cloud: 'demo', applicationCredentialId: 'id1', applicationCredentialSecret: 's' });
    expect(LoginSchema.safeParse(input).success).toBe(true);
  });

  it('missing fields are empty, so the schema names each one required', () => {
    const r = LoginSchema.safeParse(loginInput(data([['cloud', 'demo']])));
    expect(r.success ? [] : r.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['username', 'login.errors.usernameRequired'],
      ['password', 'login.errors.passwordRequired'],
      ['userDomain', 'login.errors.userDomainRequired'],
    ]);
  });
});
