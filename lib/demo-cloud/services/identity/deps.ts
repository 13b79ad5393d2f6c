import type { CloudCore } from '../../core/cloud';
import type { IdentityModel } from './model';
import type { Receipts } from './receipts';
import type { Tokens } from './tokens';

/** What the identity route modules share. */
export interface IdentityDeps {
  core: CloudCore;
  m: IdentityModel;
  tokens: Tokens;
  receipts: Receipts;
}
