// The presentation settings, mirrored from localStorage into a cookie the server reads, so a page rendered on the
// server (a list's first page comes with the HTML) is masked from its first paint, before any script has run.
// Settings only (on/off and what to mask), never a token. A plain module: the server layout imports the name.
export const PRESENTATION_COOKIE = 'stratus_presentation';

/** The cookie's value as the settings' JSON, or null. */
export function readPresentationCookie(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

