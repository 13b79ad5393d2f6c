// The second step of a multi-factor log-in (Keystone's TOTP): the receipt of the first step, the user it is for and
// the cloud, sealed (encrypted and signed, a key of its own) into the login page's form or URL, so the browser holds
// it without reading or changing it. It lives as long as Keystone's receipt (5 minutes by default).
import 'server-only';
import crypto from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { MfaRequired } from './keystone';
import { sessionSecret } from './session';

const CHALLENGE_TTL_SECONDS = 5 * 60;

const ChallengeSchema = z.object({
  kind: z.literal('mfa-challenge'),
  cloud: z.string(),
  receipt: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
});
export type MfaChallenge = Omit<z.infer<typeof ChallengeSchema>, 'kind'>;

/** What the login page shows and sends back: the sealed challenge and the user's name (to say whose code). */
export interface MfaStep {
  challenge: string;
  user: string;
  methods: ['totp'];
}

function password(): string {
  return crypto.createHash('sha256').update(`stratus mfa challenge\n${sessionSecret()}`).digest('hex');
}

export async function sealChallenge(cloud: string, e: MfaRequired): Promise<MfaStep> {
  const data = { kind: 'mfa-challenge' as const, cloud, receipt: e.receipt, user: e.user };
  return { challenge: await sealData(data, { password: password(), ttl: CHALLENGE_TTL_SECONDS }), user: e.user.name, methods: ['totp'] };
}

/** The challenge a sealed value holds, or undefined when it is missing, tampered with, expired or malformed. */
export async function unsealChallenge(sealed: string | undefined): Promise<MfaChallenge | undefined> {
  if (!sealed || sealed.length > 8192) return undefined;
  try {
    const parsed = ChallengeSchema.safeParse(await unsealData(sealed, { password: password(), ttl: CHALLENGE_TTL_SECONDS }));
    if (!parsed.success) return undefined;
    const { cloud, receipt, user } = parsed.data;
    return { cloud, receipt, user };
  } catch {
    return undefined;
  }
}
