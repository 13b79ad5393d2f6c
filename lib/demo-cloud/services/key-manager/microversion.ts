// Microversions 1.0-1.1: negotiation, echo headers and webob's 406 answers.
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Handler } from '../../core/router';

const MIN_VERSION = [1, 0] as const;
const MAX_VERSION = [1, 1] as const;

class UnacceptableVersion extends Error {}

/** webob's 406 page, what Barbican answers to a version outside 1.0-1.1. */
const unacceptablePage = (v: string) =>
  `<html>\n <head>\n  <title>406 Not Acceptable</title>\n </head>\n <body>\n  <h1>406 Not Acceptable</h1>\n  The resource could not be generated that was acceptable to your browser\n(content of type */*. <br /><br />\nInvalid microversion: Unacceptable version header: ${v}\n </body>\n</html>`;

/** Parses `OpenStack-API-Version: key-manager X.Y` (absent = 1.0, `latest` = 1.1); 406 outside the range. */
export function negotiate(ctx: RequestContext): string {
  const raw = ctx.header('openstack-api-version');
  if (!raw) return '1.0';
  const m = raw.trim().match(/^key-manager\s+(\S+)$/i);
  if (!m) return '1.0';
  if (m[1].toLowerCase() === 'latest') return `${MAX_VERSION[0]}.${MAX_VERSION[1]}`;
  const v = m[1].match(/^(\d+)\.(\d+)$/);
  const ok =
    v &&
    (Number(v[1]) > MIN_VERSION[0] || (Number(v[1]) === MIN_VERSION[0] && Number(v[2]) >= MIN_VERSION[1])) &&
    (Number(v[1]) < MAX_VERSION[0] || (Number(v[1]) === MAX_VERSION[0] && Number(v[2]) <= MAX_VERSION[1]));
  if (!ok) throw new UnacceptableVersion(m[1]);
  return `${Number(v[1])}.${Number(v[2])}`;
}

/** Wraps a handler: negotiated microversion echoed on the reply and on errors. */
export function mv(handler: Handler): Handler {
  return async (ctx) => {
    let version: string;
    try {
      version = negotiate(ctx);
    } catch (e) {
      if (!(e instanceof UnacceptableVersion)) throw e;
      const accept = ctx.header('accept') ?? '*/*';
      if (accept.includes('application/json')) {
        const message = `The resource could not be generated that was acceptable to your browser\n(content of type ${accept}. <br /><br />\nInvalid microversion: Unacceptable version header: ${e.message}`;
        return { status: 406, body: { message, code: '406 Not Acceptable', title: 'Not Acceptable' } };
      }
      return { status: 406, raw: unacceptablePage(e.message), contentType: 'text/html; charset=UTF-8' };
    }
    const headers = { 'openstack-api-version': `key-manager ${version}`, vary: 'openstack-api-version' };
    try {
      const reply = await handler(ctx);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    } catch (e) {
      if (e instanceof HttpError) throw new HttpError(e.status, e.message, { title: e.title, type: e.type, headers: { ...headers, ...e.headers } });
      throw e;
    }
  };
}
