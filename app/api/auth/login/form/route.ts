// The login form as a plain HTML form: what the browser posts when the page's JavaScript has not run yet (a slow
// link, a password manager filling the fields at once) or not at all. Same input and same log-in as the JSON route
// (lib/openstack/login-request.ts); the answer is a 303, to the destination or back to the login page with the
// error and the username (never the password), sealed in its URL (lib/openstack/login-failure.ts).
import { HttpError } from '@/lib/openstack/errors';
import { formPostRefusal, isLoginMethod, isUrlEncodedForm, loginFormInput } from '@/lib/openstack/form-post';
import { requestOrigin } from '@/lib/openstack/forwarded';
import { sealLoginFailure } from '@/lib/openstack/login-failure';
import { MfaRequired } from '@/lib/openstack/keystone';
import { sealChallenge } from '@/lib/openstack/login-mfa';
import { logIn, LoginRequestSchema } from '@/lib/openstack/login-request';
import { errorResponse, handler, MAX_JSON_BODY, readCapped } from '@/lib/openstack/route-helpers';
import type { ErrorBody } from '@/lib/openstack/errors';
import { projectFromNext, regionFromNext, safeNextPath } from '@/lib/client/next-path';

export const dynamic = 'force-dynamic';

/** 303 See Other: the browser follows with a GET, so a reload never posts the credentials again. */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

export const POST = handler(async (req) => {
  // A form cannot send the CSRF header: only a page of this origin may post here (form-post.ts).
  const refusal = formPostRefusal(req.headers, requestOrigin(req.headers));
  if (refusal) throw new HttpError(403, refusal);
  if (!isUrlEncodedForm(req.headers.get('content-type'))) throw new HttpError(415, 'Send the login form as application/x-www-form-urlencoded');
  const input = loginFormInput(await readCapped(req, MAX_JSON_BODY));
  const next = safeNextPath(input.next);
  try {
    const body = LoginRequestSchema.parse({ ...input, next, projectId: projectFromNext(next, input.cloud), region: regionFromNext(next) });
    const { redirectTo } = await logIn(req, body);
    return seeOther(redirectTo);
  } catch (e) {
    const back = new URLSearchParams();
    if (input.cloud) back.set('cloud', input.cloud);
    // The password was right and Keystone wants a passcode: the login page asks for it, the receipt sealed in its URL.
    if (e instanceof MfaRequired) {
      if (next) back.set('next', next);
      back.set('mfa', (await sealChallenge(input.cloud, e)).challenge);
      return seeOther(`/login?${back.toString()}`);
    }
    // The same error body the JSON route answers (unexpected errors are logged there, never sent).
    const { error } = (await errorResponse(e).json()) as ErrorBody;
    if (isLoginMethod(input.method) && input.method === 'application_credential') back.set('method', input.method);
    // A wrong passcode: the same step again (the receipt lasts its 5 minutes; the page drops an expired one).
    if (input.method === 'totp' && input.challenge) back.set('mfa', input.challenge);
    if (next) back.set('next', next);
    back.set('failed', await sealLoginFailure(error, input.method === 'password' ? input.username : undefined));
    return seeOther(`/login?${back.toString()}`);
  }
});
