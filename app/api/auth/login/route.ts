import { MfaRequired } from '@/lib/openstack/keystone';
import { sealChallenge } from '@/lib/openstack/login-mfa';
import { logIn, LoginRequestSchema } from '@/lib/openstack/login-request';
import { answerThrottled } from '@/lib/openstack/login-throttle';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';

export const dynamic = 'force-dynamic';

// The login form's JavaScript path (and API clients); a plain form POST goes to ./form (same log-in). A right
// password of a user Keystone wants a TOTP passcode from answers `{mfa: {challenge, user, methods}}` and no session:
// the log-in completes with `{method: 'totp', challenge, passcode}`.
export const POST = handler((req) =>
  answerThrottled(async () => {
    assertSameOrigin(req);
    const body = await parseJson(req, LoginRequestSchema);
    try {
      const { redirectTo } = await logIn(req, body);
      return Response.json({ redirectTo });
    } catch (e) {
      if (e instanceof MfaRequired) return Response.json({ mfa: await sealChallenge(body.cloud, e) }, { headers: { 'cache-control': 'no-store' } });
      throw e;
    }
  }),
);
