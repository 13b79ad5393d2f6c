// A shared snapshot's read-only page, for anyone with the link: no login, no session or token read, no script.
// 200 with the snapshot, 410 once it expired or was revoked, 404 for an id that never existed.
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { handler } from '@/lib/openstack/route-helpers';
import { SNAPSHOT_CSP, snapshotGonePage, snapshotPage, type PageText } from '@/lib/snapshot/page';
import { snapshotStore } from '@/lib/snapshot/store';

export const dynamic = 'force-dynamic';

async function pageText(): Promise<PageText> {
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations('snapshotPage'), getFormatter()]);
  return {
    locale,
    t: (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values),
    // The sharer's and the reader's time zones differ: UTC, named.
    date: (ms) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC',
    list: (items) => format.list(items, { type: 'conjunction' }),
  };
}

export const GET = handler(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const read = await snapshotStore().read(id);
  const text = await pageText();
  const body = read.state === 'live' ? snapshotPage(read.snapshot, text) : snapshotGonePage(read.state, text);
  return new Response(body, {
    status: read.state === 'live' ? 200 : read.state === 'gone' ? 410 : 404,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SNAPSHOT_CSP,
      // The link is the key: never cached by a shared proxy, never sent on as a referrer, never indexed.
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
      'x-content-type-options': 'nosniff',
    },
  });
});
