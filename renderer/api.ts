/**
 * The renderer's one door to the main side. In Electron the preload exposes the contract as
 * `window.wengao`; in the web harness the same calls go over HTTP to 127.0.0.1 with the token
 * from the page URL. Either way the rest of the renderer sees one typed `WengaoApi`.
 */
import {
  clientFromBridge,
  createApiClient,
  type ApiEventName,
  type Envelope,
  type WengaoApi,
  type WengaoBridge,
} from '../shared/api/contract';

declare global {
  interface Window {
    wengao?: WengaoBridge;
    wengaoFiles?: { pathForFile(file: File): string };
    /**
     * In the web harness (a test tool): requests sent and answered, by call name, so that a test
     * can wait until the work that could have changed the page is done before it checks that
     * nothing appeared.
     */
    __wengaoRequests?: { sent: Record<string, number>; answered: Record<string, number>; waiting: Record<string, number> };
  }
}

const TOKEN_HEADER = 'x-wengao-token';

function httpApi(token: string): WengaoApi {
  let source: EventSource | null = null;
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('./events');
    for (const [event] of listeners) attach(event);
  };
  const attached = new Set<ApiEventName>();
  const attach = (event: ApiEventName) => {
    if (!source || attached.has(event)) return;
    attached.add(event);
    source.addEventListener(event, (e) => {
      let payload: unknown;
      try {
        payload = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const l of listeners.get(event) ?? []) l(payload);
    });
  };
  const requests = (window.__wengaoRequests = { sent: {}, answered: {}, waiting: {} });
  const count = (book: Record<string, number>, name: string) => (book[name] = (book[name] ?? 0) + 1);
  const send = async (name: string, args: unknown[]): Promise<Envelope<unknown>> => {
    count(requests.sent, name);
    try {
      return await post(name, args);
    } finally {
      count(requests.answered, name);
    }
  };
  const post = async (name: string, args: unknown[]): Promise<Envelope<unknown>> => {
    let res: Response;
    try {
      res = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(args),
      });
    } catch {
      return { ok: false, error: { code: 'offline', message: '无法连接到文稿后台服务。' } };
    }
    if (!res.ok) return { ok: false, error: { code: `http-${res.status}`, message: `后台服务拒绝了请求（HTTP ${res.status}）。` } };
    return (await res.json()) as Envelope<unknown>;
  };
  return createApiClient(
    send,
    (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      ensureSource();
      attach(event);
      return () => set.delete(listener);
    },
  );
}

function createApi(): WengaoApi {
  if (window.wengao) return clientFromBridge(window.wengao);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return httpApi(token);
}

export const api: WengaoApi = createApi();

/** In Electron (the preload's bridge is there) the shell runs the close handshake; in a browser tab, the browser asks. */
export const hasCloseHandshake: boolean = window.wengao !== undefined;

/** Path of a dropped file, where the shell can tell it (Electron); null in a browser. */
export function pathOfDroppedFile(file: File): string | null {
  return window.wengaoFiles?.pathForFile(file) || null;
}

/**
 * A request made once `ms` have passed since the last `restart()` (e.g. when typing pauses):
 * `send` runs then. In the web harness the request counts as on its way while it waits, so that
 * a test can wait for it before checking that nothing appeared.
 */
export function requestWhenQuiet(name: string, ms: number, send: () => void): { restart(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting = (delta: number) => {
    const book = window.__wengaoRequests?.waiting;
    if (book) book[name] = (book[name] ?? 0) + delta;
  };
  const cancel = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    waiting(-1);
  };
  return {
    restart() {
      cancel();
      waiting(1);
      timer = setTimeout(() => {
        timer = undefined;
        try {
          send();
        } finally {
          waiting(-1);
        }
      }, ms);
    },
    cancel,
  };
}
