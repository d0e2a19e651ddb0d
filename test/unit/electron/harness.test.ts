import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../shared/api/contract';
import { defaultSettings } from '../../../shared/settings';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { HARNESS_CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { stubHandlers } from '../../support/stubHandlers';

const root = mkdtempSync(path.join(os.tmpdir(), 'wengao-harness-'));
mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>文稿</title>');
writeFileSync(path.join(root, 'renderer', 'assets', 'a.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'top secret');

let zoom = 100;
const handlers: ApiHandlers = stubHandlers({
  getAppInfo: () => ({ name: 'w', version: '1', shell: 'web', platform: 'linux', userDataDir: root, documentsDir: root }),
  getSettings: () => ({ ...defaultSettings(), zoom }),
  updateSettings: (p) => ((zoom = p.zoom ?? zoom), { ...defaultSettings(), zoom }),
  listRecentFiles: () => [],
  clearRecentFiles: () => null,
  setWindowState: () => null,
  confirmClose: () => null,
  takeStartupFiles: () => [],
});

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
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/([0-9a-f]{48})\/\?token=\1$/);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=${'0'.repeat(48)}`)).status).toBe(403);
    expect((await fetch(`${base()}/assets/a.js`)).status).toBe(403);
    expect((await call('getSettings', [], {})).status).toBe(403);
  });

  it('serves the page and its assets under /<token>/ with the CSP, and sets no cookie (Chromium would send it to every server on 127.0.0.1)', async () => {
    const res = await fetch(h.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(HARNESS_CONTENT_SECURITY_POLICY);
    expect(res.headers.get('set-cookie')).toBeNull();
    const asset = await fetch(new URL('./assets/a.js', h.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('set-cookie')).toBeNull();
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base()}/assets/a.js`)).status).toBe(403);
    expect((await fetch(`${base()}/${'0'.repeat(48)}/assets/a.js`)).status).toBe(403);
    // An older link is sent to the page's place.
    const old = await fetch(`${base()}/?token=${h.token}`, { redirect: 'manual' });
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(`/${h.token}/?token=${h.token}`);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/%2e%2e/secret.txt?token=${h.token}`);
    expect(res.status).toBe(404);
  });

  it('binds the contract: valid calls run, invalid ones are refused', async () => {
    expect(await (await call('updateSettings', [{ zoom: 130 }])).json()).toEqual({ ok: true, value: { ...defaultSettings(), zoom: 130 } });
    expect(await (await call('updateSettings', [{ zoom: 'x' }])).json()).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(await (await call('eval', ['1+1'])).json()).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
  });

  it('requires the token header on API calls (the token in the path alone is not enough)', async () => {
    const res = await fetch(new URL('./api/getSettings', h.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(res.status).toBe(403);
    const ok = await fetch(new URL('./api/getSettings', h.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-wengao-token': h.token }, body: '[]' });
    expect(ok.status).toBe(200);
  });

  it('rejects foreign Host headers (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: h.port, path: `/?token=${h.token}`, headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode!));
    });
    expect(status).toBe(403);
  });
});
