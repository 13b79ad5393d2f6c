// Next 16 "proxy" (formerly middleware): only passes the page URL to server components, so a layout can
// send a logged-out visitor to /login?next=<this URL>. Sessions are checked in layouts and route handlers.
// /api is excluded: a proxy would buffer request bodies, and uploads must stream.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set('x-stratus-url', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico|icon.svg|robots.txt).*)'],
};
