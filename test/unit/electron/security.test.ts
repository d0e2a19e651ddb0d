import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  HARNESS_CONTENT_SECURITY_POLICY,
  assetHeaders,
  isNavigationAllowed,
  isTrustedSender,
  resolveStaticAsset,
  windowOptions,
} from '../../../electron/main/security';

describe('window options', () => {
  it('isolate and sandbox the renderer with no Node access', () => {
    const o = windowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(o.show).toBe(false);
  });

  it('restores remembered bounds', () => {
    expect(windowOptions('/p', { x: 10, y: 20, width: 900, height: 700 })).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});

describe('Content-Security-Policy', () => {
  it('is exactly the strict policy the app requires', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*/);
  });

  it('only adds connect-src self for the web harness', () => {
    expect(HARNESS_CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY}; connect-src 'self'`);
  });

  it('is sent with every asset', () => {
    const h = assetHeaders('/x/index.html', CONTENT_SECURITY_POLICY);
    expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['x-content-type-options']).toBe('nosniff');
  });
});

describe('navigation guard', () => {
  it('allows only the app itself', () => {
    expect(isNavigationAllowed('app://wengao/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('app://evil/index.html')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
    expect(isNavigationAllowed('not a url')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const top = { url: 'app://wengao/index.html', parent: null };
  it('accepts the app top frame only', () => {
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender({ url: 'app://wengao/index.html', parent: top })).toBe(false); // an iframe
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('static assets', () => {
  const root = path.resolve('/srv/app/renderer');
  it('serves files under the root and index.html for /', () => {
    expect(resolveStaticAsset('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveStaticAsset('/assets/index-1.js', root)).toBe(path.join(root, 'assets/index-1.js'));
  });
  it('refuses path traversal, encoded or not', () => {
    expect(resolveStaticAsset('/../../etc/passwd', root)).toBeNull();
    expect(resolveStaticAsset('/%2e%2e/%2e%2e/etc/passwd', root)).toBeNull();
    expect(resolveStaticAsset('/assets/%00.js', root)).toBeNull();
    expect(resolveStaticAsset('/%E0%A4%A', root)).toBeNull();
  });
});
