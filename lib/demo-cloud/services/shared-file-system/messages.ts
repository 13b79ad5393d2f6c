// User messages: what Zed records when the scheduler or the driver refuses a share, listed, shown and deleted
// by the user (`openstack share message list/show/delete`). They expire after 30 days, as Manila's default.
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { notFound } from './errors';
import { listPage, nextLinks } from './lookup';
import type { ManilaRouter, View } from './microversion';
import { stamp, type ManilaState, type Share, type UserMessage } from './model';

const TTL_MS = 30 * 86_400_000;

/** The two refusals a share meets on a backend without share servers (texts from the real cloud's messages). */
export const SHARE_FAILURES = {
  unexpectedNetwork: { action_id: '002', detail_id: '003', user_message: 'create: Driver does not expect share-network to be provided with current configuration.' },
  noHost: { action_id: '001', detail_id: '008', user_message: "allocate host: No storage could be allocated for this share request, Capabilities filter didn't succeed." },
};

export function recordFailure(core: CloudCore, s: ManilaState, v: View, share: Share, failure: (typeof SHARE_FAILURES)[keyof typeof SHARE_FAILURES]) {
  const now = core.clock.now();
  s.messages.push({
    id: uuid(), project_id: share.project_id, ...failure, message_level: 'ERROR', created_at: stamp(now),
    expires_at: stamp(Math.floor((now + TTL_MS) / 1000) * 1000), request_id: v.requestId, resource_type: 'SHARE', resource_id: share.id,
  });
}

function view(v: View, m: UserMessage) {
  const { user_message, ...rest } = m;
  return {
    ...rest,
    links: [
      { rel: 'self', href: `${v.ctx.serviceUrl}/v2/${m.project_id}/messages/${m.id}` },
      { rel: 'bookmark', href: `${v.ctx.serviceUrl}/${m.project_id}/messages/${m.id}` },
    ],
    resource_type: m.resource_type,
    resource_id: m.resource_id,
    user_message,
  };
}

export function messageRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  const live = (v: View) => {
    const now = stamp(core.clock.now());
    return s.messages.filter((m) => m.expires_at > now && (v.isAdmin || m.project_id === v.projectId));
  };
  const find = (v: View) => {
    const m = live(v).find((x) => x.id === v.ctx.params.id);
    if (!m) throw notFound(`Message ${v.ctx.params.id} could not be found.`);
    return m;
  };
  const FILTERS = ['resource_id', 'resource_type', 'action_id', 'detail_id', 'message_level', 'request_id'] as const;
  r.get('/messages', (v) => {
    const q = v.ctx.query;
    const rows = live(v).filter((m) => FILTERS.every((k) => !q.has(k) || m[k] === q.get(k)));
    const page = listPage(v, rows);
    return json(200, { messages: page.map((m) => view(v, m)), ...nextLinks(v, 'messages', page) });
  });
  r.get('/messages/{id}', (v) => json(200, { message: view(v, find(v)) }));
  r.delete('/messages/{id}', (v) => {
    s.messages.splice(s.messages.indexOf(find(v)), 1);
    v.ctx.markDirty();
    return { status: 204 };
  });
}
