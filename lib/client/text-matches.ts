// Case-insensitive search in plain text (the console-log tail): the text cut into pieces that are or are not a
// match, so the component renders <mark> around matches as React text, never as HTML.

export interface TextPiece {
  text: string;
  match: boolean;
}

/** Splits `text` at every case-insensitive occurrence of `query` (no regular expression: the query is literal). */
export function splitMatches(text: string, query: string): TextPiece[] {
  if (!query) return text ? [{ text, match: false }] : [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  // toLowerCase can change a string's length (e.g. "İ"): fall back to no highlight rather than cut at wrong places.
  if (hay.length !== text.length) return text ? [{ text, match: false }] : [];
  const pieces: TextPiece[] = [];
  let from = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
    if (at > from) pieces.push({ text: text.slice(from, at), match: false });
    pieces.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), match: false });
  return pieces;
}

export const countMatches = (pieces: readonly TextPiece[]): number => pieces.filter((p) => p.match).length;

/** A file name for a downloaded console log: the server's name made safe, and the time it was taken. */
export function consoleLogFileName(serverName: string, at: Date): string {
  const base = serverName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60) || 'server';
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${base}-console-${stamp}.log`;
}
