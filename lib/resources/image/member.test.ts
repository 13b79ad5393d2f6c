// Image sharing and deactivation as the images definition declares them for one project.
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cellText } from '@/lib/resources/cells';
import { imageDefinition, ImageSchema, ownerQuery, type Image } from './image';
import { imageMemberDefinition, MemberCreateSchema, memberStatus } from './member';

const ME = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const img = (over: Partial<Image> = {}): Image => ImageSchema.parse({ id: 'i1', name: 'web', status: 'active', visibility: 'shared', protected: false, created_at: 'x', owner: OTHER, ...over });
const def = imageDefinition(ME);
const action = (id: string) => def.actions!.find((a) => a.id === id)!;
const member = { isAdmin: false };

describe('image membership of the receiving project', () => {
  it('accepts or rejects another project\'s shared image, through its own member record', () => {
    expect(action('accept-share').allowed(img(), member)).toBe(true);
    expect(action('accept-share').request(img())).toEqual({ method: 'PUT', path: `v2/images/i1/members/${ME}`, body: { status: 'accepted' } });
    expect(action('reject-share').request(img()).body).toEqual({ status: 'rejected' });
    expect(action('reject-share').cli(img())).toBe('openstack image set --reject i1');
    // Its own images, and public ones, have no membership to answer.
    expect(action('accept-share').allowed(img({ owner: ME }), member)).toBe(false);
    expect(action('accept-share').allowed(img({ visibility: 'public' }), member)).toBe(false);
  });
  it('finds pending and rejected shares through the owner filter (Glance lists only accepted ones by default)', () => {
    expect(ownerQuery(ME)('pending')).toEqual({ visibility: 'shared', member_status: 'pending' });
    expect(ownerQuery(ME)('rejected')).toEqual({ visibility: 'shared', member_status: 'rejected' });
    expect(ownerQuery(ME)('shared')).toEqual({ visibility: 'shared', member_status: 'accepted' });
    expect(ownerQuery(ME)('mine')).toEqual({ owner: ME });
  });
  it('shows the membership beside the visibility, asking only for other projects\' shared images', () => {
    const lookup = def.lookups!.find((l) => l.name === 'membership')!;
    expect(lookup.ids([img(), img({ id: 'i2', owner: ME }), img({ id: 'i3', visibility: 'public' })])).toEqual(['i1']);
    expect(lookup.each!('i1')).toBe(`v2/images/i1/members/${ME}`);
    const col = def.columns.find((c) => c.id === 'visibility')!;
    expect(cellText(col.value(img(), { lookups: { membership: { i1: 'pending' } } }), (t) => en(t)!)).toBe('shared (pending)');
    expect(col.value(img({ id: 'i2' }), { lookups: {} })).toBe('shared');
  });
});

describe('deactivate and reactivate', () => {
  it('offers them to the owner and admins in the right state', () => {
    expect(action('deactivate').allowed(img({ owner: ME }), member)).toBe(true);
    expect(action('deactivate').allowed(img(), member)).toBe(false);
    expect(action('deactivate').allowed(img(), { isAdmin: true })).toBe(true);
    expect(action('deactivate').allowed(img({ owner: ME, status: 'deactivated' }), member)).toBe(false);
    expect(action('reactivate').allowed(img({ owner: ME, status: 'deactivated' }), member)).toBe(true);
    expect(action('deactivate').request(img())).toEqual({ method: 'POST', path: 'v2/images/i1/actions/deactivate' });
    expect(action('reactivate').cli(img())).toBe('openstack image set --activate i1');
  });
});

describe('image members (the owner\'s tab)', () => {
  it('adds a project by its id, refusing a name', () => {
    const d = imageMemberDefinition(img({ owner: ME }), ME);
    expect(d.create!.request(MemberCreateSchema.parse({ projectId: ` ${OTHER.toUpperCase()} ` }))).toEqual({ method: 'POST', path: 'v2/images/i1/members', body: { member: OTHER } });
    const bad = MemberCreateSchema.safeParse({ projectId: 'demo' });
    expect(bad.error?.issues.map((i) => en(i.message as never))).toEqual(['A project ID is 32 hexadecimal digits (or a UUID).']);
  });
  it('lets only the owner add and remove; a member sees its own record', () => {
    expect(imageMemberDefinition(img(), ME).create).toBeUndefined();
    const remove = imageMemberDefinition(img(), ME).actions!.find((a) => a.id === 'delete')!;
    expect(remove.allowed({ member_id: ME, image_id: 'i1', status: 'pending' }, member)).toBe(false);
    expect(memberStatus({ status: 'pending' }).tone).toBe('unknown');
    expect(memberStatus({ status: 'rejected' }).tone).toBe('error');
  });
});
