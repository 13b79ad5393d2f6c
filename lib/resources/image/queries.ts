'use client';
// Glance reads of the launch, volume, Magnum and instance pages besides the image kind's own list and item, and the
// calls of the create form (create, import, upload, delete a half-made image).
import { z } from 'zod';
import { osCall, osPath } from '../hooks';
import { usePathQuery } from '../queries';
import { maybeNumbers, parseResponse } from '../schema';
import { createRequest, ImageSchema, ImportInfoSchema, type Image, type ImageCreate } from './image';

export const GLANCE = { service: 'image' } as const;

const ActiveImagesSchema = z.looseObject({
  images: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().nullable().optional(),
      ...maybeNumbers('min_disk', 'min_ram', 'size'),
      os_distro: z.string().nullable().optional(),
    }),
  ),
});
const selectImages = (b: z.infer<typeof ActiveImagesSchema>) => b.images;

/** The active images by name (launch, create a volume, a Magnum template), with their minimum sizes and distro. */
export const useActiveImages = (opts: { enabled?: boolean; staleTime?: number } = {}) =>
  usePathQuery('image', GLANCE, 'v2/images?status=active&sort=name:asc&limit=200', ActiveImagesSchema, { enabled: opts.enabled, staleTime: opts.staleTime ?? 60_000, select: selectImages });

const ImageStatusSchema = z.looseObject({ id: z.string(), name: z.string().nullable().optional(), status: z.string() });
/** One image's name and status, polled every 2 s until active (a server snapshot being saved). */
export const useImageStatus = (imageId: string) =>
  usePathQuery('image', GLANCE, `v2/images/${imageId}`, ImageStatusSchema, { staleTime: 0, refetchInterval: (b, error) => (b?.status === 'active' || error ? false : 2000) });

/** Glance's import methods (`web-download` offers the URL source). */
export const useImportInfo = () => usePathQuery('image', GLANCE, 'v2/info/import', ImportInfoSchema, { staleTime: 5 * 60_000, retry: false });

export async function getImage(id: string, signal?: AbortSignal): Promise<Image> {
  return parseResponse(ImageSchema, await osCall(GLANCE, { method: 'GET', path: `v2/images/${id}` }, signal), `image v2/images/${id}`);
}

export async function createImage(data: ImageCreate): Promise<Image> {
  return parseResponse(ImageSchema, await osCall(GLANCE, createRequest(data)), 'image POST v2/images');
}

/** Ask Glance to download the image data from a URL (the web-download import). */
export const importFromUrl = (id: string, url: string) => osCall(GLANCE, { method: 'POST', path: `v2/images/${id}/import`, body: { method: { name: 'web-download', uri: url } } });

export const deleteImage = (id: string) => osCall(GLANCE, { method: 'DELETE', path: `v2/images/${id}` });

/** Where the image data is PUT (streamed through the proxy). */
export const imageFileUrl = (id: string) => osPath('image', `v2/images/${id}/file`);
