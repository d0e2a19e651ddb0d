/** Serves the built renderer from app://wengao/ with the app's CSP on every response. */
import { promises as fs } from 'node:fs';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, assetHeaders, resolveStaticAsset } from './security';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticAsset(url.pathname, root) : null;
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: assetHeaders(file, CONTENT_SECURITY_POLICY) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
