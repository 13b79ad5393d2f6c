// Manila's errors (rendered by core/fault.ts) and the messages the API gives, copied from the real Zed service:
// several are left unfilled there ("Invalid share: %(reason)s."), and the demo cloud answers the same words.
import { HttpError } from '../../core/errors';

export const bad = (message: string) => new HttpError(400, message);
export const invalidInput = (detail: string) => bad(`Invalid input received: ${detail}`);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message = 'The resource could not be found.') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
/** Manila's quota errors carry the exception's class name before its text. */
export const overQuota = (kind: string, message: string) => new HttpError(413, `${kind}: ${message}`, { headers: { 'Retry-After': '0' } });
/** Zed's share controller re-raises InvalidShare on delete without its reason: the text stays a template. */
export const invalidShareUnfilled = () => forbidden('Invalid share: %(reason)s.');
export const policyDenied = () => forbidden('Access was denied to this resource.');
