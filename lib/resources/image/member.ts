// Glance image members: the owner of a shared image (visibility `shared`) adds another project by its id; the
// membership starts pending and the receiving project accepts or rejects it from its images list (PUT
// v2/images/{id}/members/{own project} {status}). Only accepted shared images are in a project's default list, so
// the list's owner filter offers the pending and rejected ones too.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, rowNames } from '../define';
import type { ApiRequest, ResourceAction, ResourceDefinition, StatusInfo } from '../types';
import type { Image } from './image';

export const MemberSchema = z.looseObject({
  member_id: z.string().min(1),
  image_id: z.string(),
  status: z.string(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;

export function memberStatus(m: Pick<Member, 'status'>): StatusInfo {
  if (m.status === 'accepted') return { label: m.status, tone: 'ok' };
  // Pending waits for a person, not for the cloud: not polled as a transition.
  if (m.status === 'pending') return { label: m.status, tone: 'unknown' };
  if (m.status === 'rejected') return { label: m.status, tone: 'error' };
  return { label: m.status, tone: 'unknown' };
}

/** A project id as Keystone makes them (32 hex digits, or a UUID): Glance itself takes any text, so a typo would be added as it is. */
const PROJECT_ID = /^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const MemberCreateSchema = z.object({
  projectId: z.string().trim().min(1, { error: 'kinds.imageMember.errors.projectRequired' }).regex(PROJECT_ID, { error: 'kinds.imageMember.errors.projectFormat' }),
});
export type MemberCreate = z.infer<typeof MemberCreateSchema>;

export const memberCreateRequest = (imageId: string, i: MemberCreate): ApiRequest => ({ method: 'POST', path: `v2/images/${imageId}/members`, body: { member: i.projectId.trim().toLowerCase() } });

/** The members of one image: its page's tab (the owner adds and removes projects; a member sees itself). */
export function imageMemberDefinition(image: Pick<Image, 'id' | 'name' | 'owner'>, projectId: string): ResourceDefinition<Member, MemberCreate> {
  const owned = image.owner === projectId;
  return define<Member, MemberCreate>({
    kind: 'image-member',
    slug: `images/${image.id}/members`,
    label: { singular: 'kinds.imageMember.singular', plural: 'kinds.imageMember.plural', noun: 'kinds.imageMember.noun' },
    service: 'image',
    paths: { list: `v2/images/${image.id}/members`, item: (id) => `v2/images/${image.id}/members/${id}` },
    keys: { list: 'members', item: '' },
    schema: MemberSchema,
    id: (m) => m.member_id,
    name: (m) => m.member_id,
    status: memberStatus,
    columns: [
      { id: 'project', label: 'kinds.imageMember.fields.project', value: (m) => m.member_id, cell: 'mono', short: false, sensitive: 'projectId' },
      { id: 'status', label: 'common.status', value: (m) => m.status, cell: 'status' },
      ageColumn((m) => m.created_at ?? ''),
      { id: 'updated', label: 'common.updated', value: (m) => m.updated_at ?? '', cell: 'age' },
    ],
    actions: [
      deleteAction<Member>({
        title: 'kinds.imageMember.confirm.deleteTitle', verb: 'kinds.imageMember.remove', bulk: false,
        allowed: () => owned,
        path: (m) => `v2/images/${image.id}/members/${m.member_id}`, cli: (m) => command('openstack image remove project', image.id, m.member_id),
        body: (rows) => msg('kinds.imageMember.confirm.deleteBody', { count: rows.length, image: image.name || image.id, ...rowNames(rows, (m) => m.member_id, 3) }),
      }),
    ],
    ...(owned
      ? {
        create: {
          schema: MemberCreateSchema,
          fields: [{ name: 'projectId', label: 'kinds.imageMember.fields.project', type: 'text' as const, hint: 'kinds.imageMember.form.projectHint' }],
          defaults: { projectId: '' },
          request: (i: MemberCreate) => memberCreateRequest(image.id, i),
          cli: (i: MemberCreate) => command('openstack image add project', image.id, i.projectId?.trim() || '<project-id>'),
        },
      }
      : {}),
    invalidates: ['image'],
    cli: { list: command('openstack image member list', image.id), show: (m) => command('openstack image member get', image.id, m.member_id) },
  });
}

/** The receiving project's answer to a share: accept or reject (either may be changed later). */
export function membershipAction(projectId: string, status: 'accepted' | 'rejected'): ResourceAction<Image> {
  const accept = status === 'accepted';
  return {
    id: accept ? 'accept-share' : 'reject-share',
    label: accept ? 'kinds.imageMember.accept' : 'kinds.imageMember.reject',
    allowed: (i) => i.visibility === 'shared' && !!i.owner && i.owner !== projectId,
    request: (i) => ({ method: 'PUT', path: `v2/images/${i.id}/members/${projectId}`, body: { status } }),
    cli: (i) => command('openstack image set', accept ? '--accept' : '--reject', i.id),
  };
}
