import { logIn, LoginRequestSchema } from '@/lib/openstack/login-request';
import { answerThrottled } from '@/lib/openstack/login-throttle';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';

export const dynamic = 'force-dynamic';

// The login form's JavaScript path (and API clients); a plain form POST goes to ./form (same log-in).
export const POST = handler((req) =>
  answerThrottled(async () => {
    assertSameOrigin(req);
    const body = await parseJson(req, LoginRequestSchema);
    const { redirectTo } = await logIn(req, body);
    return Response.json({ redirectTo });
  }),
);
