import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../shared/api/contract';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { HARNESS_CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const root = mkdtempSync(path.join(os.tmpdir(), 'wengao-harness-'));
mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>文稿</title>');
writeFileSync(path.join(root, 'renderer', 'assets', 'a.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'top secret');

let zoom = 100;
const handlers: ApiHandlers = {
  getAppInfo: () => ({ name: 'w', version: '1', shell: 'web', platform: 'linux', userDataDir: root }),
  getSettings: () => ({ showOutline: true, zoom, autoRenumber: true }),
  updateSettings: (p) => ((zoom = p.zoom ?? zoom), { showOutline: true, zoom, autoRenumber: true }),
  listRecentFiles: () => [],
  clearRecentFiles: () => null,
  setWindowState: () => null,
  confirmClose: () => null,
  takeStartupFiles: () => [],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ port: 0, rendererRoot: path.join(root, 'renderer'), handlers });
});
afterAll(() => h.close());

const base = () => `http://127.0.0.1:${h.port}`;
const call = (name: string, args: unknown, headers: Record<string, string> = { 'x-wengao-token': h.token }) =>
  fetch(`${base()}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

describe('web harness', () => {
  it('prints a loopback URL with the token', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=${'0'.repeat(48)}`)).status).toBe(403);
    expect((await fetch(`${base()}/assets/a.js`)).status).toBe(403);
    expect((await call('getSettings', [], {})).status).toBe(403);
  });

  it('serves the page with the CSP and sets a cookie for the assets', async () => {
    const res = await fetch(h.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(HARNESS_CONTENT_SECURITY_POLICY);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base()}/assets/a.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/%2e%2e/secret.txt?token=${h.token}`);
    expect(res.status).toBe(404);
  });

  it('binds the contract: valid calls run, invalid ones are refused', async () => {
    expect(await (await call('updateSettings', [{ zoom: 130 }])).json()).toEqual({ ok: true, value: { showOutline: true, zoom: 130, autoRenumber: true } });
    expect(await (await call('updateSettings', [{ zoom: 'x' }])).json()).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(await (await call('eval', ['1+1'])).json()).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
  });

  it('requires the token header on API calls (a cookie alone is not enough)', async () => {
    expect((await call('getSettings', [], { cookie: `wengao_token=${h.token}` })).status).toBe(403);
  });

  it('rejects foreign Host headers (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: h.port, path: `/?token=${h.token}`, headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode!));
    });
    expect(status).toBe(403);
  });
});
