import type { CloudCore } from '../../core/cloud';
import type { Image } from './model';

/** What `GET /v2/images` lists without a visibility filter: public, owned, and shared-and-accepted images (all for
 *  admins), never hidden ones. */
export function listedByDefault(image: Image, projectId: string, isAdmin: boolean): boolean {
  if (image.os_hidden) return false;
  if (isAdmin || image.visibility === 'public' || image.owner === projectId) return true;
  return image.visibility === 'shared' && image.members.some((m) => m.member_id === projectId && m.status === 'accepted');
}

/** Glance's read rule: admin, public and community images, the owner, and members of shared images. */
export function imageVisibleTo(_core: CloudCore, image: Image, projectId: string, isAdmin: boolean): boolean {
  if (isAdmin) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (image.owner === projectId) return true;
  return image.visibility === 'shared' && image.members.some((m) => m.member_id === projectId);
}
