/**
 * The web harness: serves the built renderer and binds the same services behind the same API
 * contract over HTTP, so the unchanged renderer runs in a normal Chromium (end-to-end tests,
 * benchmarks). It is a test tool: whoever has its token can read and write any file the user
 * can. Listens on 127.0.0.1 only; every request must carry the random token: the page and its
 * assets live under /<token>/ (relative URLs carry it), API calls also need the x-wengao-token
 * header. No cookie: Chromium would send a cookie for 127.0.0.1 to every other server there.
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDispatcher, type ApiEventName, type ApiEventPayload, type ApiHandlers } from '../../shared/api/contract';
import { HARNESS_CONTENT_SECURITY_POLICY, assetHeaders, resolveStaticAsset } from '../main/security';

export const TOKEN_HEADER = 'x-wengao-token';
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface HarnessOptions {
  port: number;
  /** Folder with the built renderer (index.html). */
  rendererRoot: string;
  handlers: ApiHandlers;
  token?: string;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  emit<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The token at the start of the path (/<token>/…) and the rest of the path, or null. */
function pathToken(pathname: string, token: string): string | null {
  const seg = pathname.split('/')[1] ?? '';
  return seg.length === token.length && safeEqual(seg, token) ? pathname.slice(seg.length + 1) : null;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const dispatch = createDispatcher(opts.handlers);
  const streams = new Set<http.ServerResponse>();
  let port = opts.port;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // DNS-rebinding guard: only our own host names.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403).end('forbidden host');
      return;
    }
    const inPath = pathToken(url.pathname, token);
    const presented = inPath !== null ? token : (url.searchParams.get('token') ?? (req.headers[TOKEN_HEADER] as string | undefined));
    if (!presented || !safeEqual(presented, token)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('403 需要有效的访问令牌 (token)');
      return;
    }
    // An older link (/?token=…): the page lives under /<token>/, so that its assets carry the token.
    if ((inPath === null && url.pathname === '/') || inPath === '') {
      res.writeHead(302, { location: `/${token}/${url.search}`, 'referrer-policy': 'no-referrer' }).end();
      return;
    }
    const pathname = inPath ?? url.pathname;

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || req.headers[TOKEN_HEADER] !== token) {
        res.writeHead(403).end();
        return;
      }
      let args: unknown;
      try {
        args = JSON.parse((await readBody(req)).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const envelope = await dispatch(decodeURIComponent(pathname.slice('/api/'.length)), args);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(envelope));
      return;
    }

    if (pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStaticAsset(pathname, opts.rendererRoot);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...assetHeaders(file, HARNESS_CONTENT_SECURITY_POLICY), 'referrer-policy': 'no-referrer' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/${token}/?token=${token}`,
    port,
    token,
    emit(event, payload) {
      const data = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const s of streams) s.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
