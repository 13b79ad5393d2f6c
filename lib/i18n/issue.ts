// zod keeps an issue's message as a string, but some checks name what they found ("Overlaps
// 10.0.0.0/24", "first is used twice"): a message with values travels through zod as JSON, and the forms read it
// back with issueMsg() before they translate it (useMsg). A message without values stays its plain key.
import type { Msg, Text } from '@/lib/i18n/msg';

/** The string zod stores for a Msg. */
export const issueText = (m: Msg): string => (typeof m === 'string' ? m : JSON.stringify(m));

/** A field error as the form holds it, back to the Msg (the API's own messages stay as they came). */
export function issueMsg(text: string): Text;
export function issueMsg(text: string | undefined): Text | undefined;
export function issueMsg(text: string | undefined): Text | undefined {
  if (!text?.startsWith('{"key":')) return text;
  try {
    return JSON.parse(text) as Msg;
  } catch {
    return text;
  }
}
