import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPersisted } from './core/state';
import { call, login, startTestCloud } from './test-helpers';

describe('state persistence', () => {
  it('writes state.json atomically and loads it at the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-cloud-state-'));
    try {
      const first = await startTestCloud({ stateDir: dir });
      const admin = await login(first, 'admin', 'admin');
      expect((await call(first, 'POST', '/identity/v3/projects', { token: admin, body: { project: { name: 'kept' } } })).status).toBe(201);
      await first.close();

      const saved = await readPersisted(dir);
      expect(JSON.stringify(saved)).toContain('"kept"');
      expect(JSON.stringify(saved)).not.toContain(admin); // tokens are stored hashed

      const second = await startTestCloud({ stateDir: dir });
      try {
        // The token survived the restart, and so did the project.
        const r = await call(second, 'GET', '/identity/v3/projects?name=kept', { token: admin });
        expect((r.body as { projects: unknown[] }).projects).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves a root document listing the services', async () => {
    const c = await startTestCloud();
    try {
      const r = await call(c, 'GET', '/');
      expect(r.body).toMatchObject({ auth_url: `${c.url}/identity/v3` });
      const types = (r.body as { services: { type: string }[] }).services.map((s) => s.type);
      expect(types).toEqual(expect.arrayContaining(['identity', 'compute', 'image', 'network', 'volumev3', 'dns', 'key-manager', 'object-store']));
    } finally {
      await c.close();
    }
  });
});
