import { describe, expect, it } from 'vitest';
import { newNonce, pageCsp } from './headers';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('newNonce', () => {
  it('is 128 random bits in base64, different each time', () => {
    const seen = new Set(Array.from({ length: 50 }, newNonce));
    expect(seen.size).toBe(50);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('pageCsp', () => {
  it('production: scripts only with the nonce or loaded by a nonced script, no inline, no eval', () => {
    const d = directives(pageCsp({ nonce: 'abc123DEF456ghi789JKLw==', dev: false }));
    expect(d.get('script-src')).toBe("'self' 'nonce-abc123DEF456ghi789JKLw==' 'strict-dynamic'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('img-src')).toBe("'self' data: blob:");
    expect(d.get('default-src')).toBe("'self'");
    // Inline styles stay allowed (React style attributes, Chart.js); no nonce there, which would disable that.
    expect(d.get('style-src')).toBe("'self' 'unsafe-inline'");
  });

  it('development adds only unsafe-eval', () => {
    const prod = pageCsp({ nonce: 'n0nce', dev: false });
    const dev = pageCsp({ nonce: 'n0nce', dev: true });
    expect(directives(dev).get('script-src')).toBe("'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval'");
    expect(dev.replace(" 'unsafe-eval'", '')).toBe(prod);
  });

  it.each(["x' 'unsafe-inline", 'a;b', 'a b', ''])('refuses a nonce that could change the policy: %j', (nonce) => {
    expect(() => pageCsp({ nonce, dev: false })).toThrow();
  });
});
