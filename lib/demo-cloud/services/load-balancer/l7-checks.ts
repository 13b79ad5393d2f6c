// L7 policy and rule arguments as octavia.common.validate checks them (sanitize_l7policy_api_args,
// l7rule_data), with the same messages.
import { fault } from './errors';
import { validateUrl } from './schema';

const invalidArgs = (msg: string) => fault(400, `Invalid L7 Policy arguments: ${msg}`);

/** Makes action and redirect fields consistent (the action follows the redirect given); throws on conflicts. */
export function sanitizePolicy(p: Record<string, unknown>, create: boolean): Record<string, unknown> {
  if ('action' in p) {
    switch (p.action) {
      case 'REJECT':
        Object.assign(p, { redirect_url: null, redirect_pool_id: null });
        break;
      case 'REDIRECT_TO_URL':
        if (!p.redirect_url) throw invalidArgs('redirect_url must not be None');
        p.redirect_pool_id = null;
        break;
      case 'REDIRECT_TO_POOL':
        if (!p.redirect_pool_id && !p.redirect_pool) throw invalidArgs('redirect_pool_id or redirect_pool must not be None');
        p.redirect_url = null;
        break;
      case 'REDIRECT_PREFIX':
        if (!p.redirect_prefix) throw invalidArgs('redirect_prefix must not be None');
        break;
      default:
        throw fault(400, `Invalid L7 Policy action specified: ${String(p.action)}`);
    }
  }
  if ((p.redirect_pool_id || p.redirect_pool) && (p.redirect_url || p.redirect_prefix)) {
    throw invalidArgs('Cannot specify redirect_pool_id and redirect_url or redirect_prefix at the same time');
  }
  if (p.redirect_pool_id || p.redirect_pool) {
    Object.assign(p, { action: 'REDIRECT_TO_POOL', redirect_url: null, redirect_prefix: null, redirect_http_code: null });
  }
  if (p.redirect_url) {
    validateUrl(p.redirect_url);
    Object.assign(p, { action: 'REDIRECT_TO_URL', redirect_pool_id: null, redirect_prefix: null });
    p.redirect_http_code ||= 302;
  }
  if (p.redirect_prefix) {
    validateUrl(p.redirect_prefix);
    Object.assign(p, { action: 'REDIRECT_PREFIX', redirect_pool_id: null, redirect_url: null });
    p.redirect_http_code ||= 302;
  }
  if (create && !('action' in p)) throw fault(400, 'Invalid L7 Policy action specified: None');
  if (Object.keys(p).length === 0) throw invalidArgs('Invalid update options');
  return p;
}

// RFC 2616/6265/7230 character classes (octavia.common.constants).
const HEADER_NAME = /^[a-zA-Z0-9!#$%&'*+\-.^_`|~]+$/;
const COOKIE_VALUE = /^[a-zA-Z0-9!#$%&'()*+\-./:<=>?@[\]^_`{|}~]+$/;
const HEADER_VALUE = /^[a-zA-Z0-9!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~\\]+$/;
const QUOTED_HEADER_VALUE = /^"[a-zA-Z0-9 \t!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~\\]*"$/;
const DN_FIELD = /^([a-zA-Z][A-Za-z0-9-]*)$/;
const PLAIN = ['STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'EQUAL_TO'];

export interface RuleData {
  type: string;
  compare_type: string;
  key: string | null;
  value: string | null;
}

/** `l7rule_data`: the reason a rule is invalid, or null. Octavia reports it as "Error parsing L7Rule: <reason>". */
function ruleProblem(r: RuleData): string | null {
  const value = r.value ?? '';
  const regex = () => {
    if (/[\x00-\x1f\x7f]/.test(value)) return 'Unable to parse regular expression: contains control characters';
    try {
      new RegExp(value);
      return null;
    } catch (e) {
      return `Unable to parse regular expression: ${(e as Error).message}`;
    }
  };
  const compared = (re: RegExp, what: string, alt?: RegExp) => (re.test(value) || alt?.test(value) ? null : `Invalid characters in ${what}`);
  if (!value) return 'Invalid L7 Rule: L7 rule type requires a value';
  switch (r.type) {
    case 'HEADER':
    case 'COOKIE':
      if (!r.key) return 'Invalid L7 Rule: L7 rule type requires a key';
      if (!HEADER_NAME.test(r.key)) return 'Invalid characters in key';
      if (r.compare_type === 'REGEX') return regex();
      if (!PLAIN.includes(r.compare_type)) return 'Invalid L7 Rule: invalid comparison type for rule type';
      return r.type === 'HEADER' ? compared(HEADER_VALUE, 'header value', QUOTED_HEADER_VALUE) : compared(COOKIE_VALUE, 'cookie value');
    case 'HOST_NAME':
    case 'PATH':
      if (PLAIN.includes(r.compare_type)) return compared(HEADER_VALUE, 'comparison value', QUOTED_HEADER_VALUE);
      return r.compare_type === 'REGEX' ? regex() : 'Invalid L7 Rule: invalid comparison type for rule type';
    case 'FILE_TYPE':
      if (r.compare_type === 'REGEX') return regex();
      return r.compare_type === 'EQUAL_TO' ? compared(HEADER_VALUE, 'comparison value', QUOTED_HEADER_VALUE) : 'Invalid L7 Rule: invalid comparison type for rule type';
    case 'SSL_CONN_HAS_CERT':
      if (r.key) return `Invalid L7 Rule: L7rule type ${r.type} does not use the "key" field.`;
      if (value.toLowerCase() !== 'true') return `Invalid L7 Rule: L7rule value ${value} is not a boolean True string.`;
      return r.compare_type === 'EQUAL_TO' ? null : `Invalid L7 Rule: L7rule type ${r.type} only supports the EQUAL_TO compare type.`;
    case 'SSL_VERIFY_RESULT':
      if (r.key) return `Invalid L7 Rule: L7rule type ${r.type} does not use the "key" field.`;
      if (!/^\d+$/.test(value)) return `Invalid L7 Rule: L7rule type ${r.type} needs a int value, which is >= 0`;
      return r.compare_type === 'EQUAL_TO' ? null : `Invalid L7 Rule: L7rule type ${r.type} only supports the EQUAL_TO compare type.`;
    case 'SSL_DN_FIELD':
      if (r.compare_type === 'REGEX' && regex()) return regex();
      if (!r.key || !value) return `Invalid L7 Rule: L7rule type ${r.type} needs to specify a key and a value.`;
      return DN_FIELD.test(r.key) ? null : 'Invalid L7 Rule: Invalid L7rule distinguished name field.';
    default:
      return 'Invalid L7 Rule: invalid rule type';
  }
}

export function checkRule(r: RuleData): void {
  const problem = ruleProblem(r);
  if (problem) throw fault(400, `Error parsing L7Rule: ${problem}`);
}
