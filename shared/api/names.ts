/**
 * The names of the API contract's calls and events, and the bridge the preload builds from
 * them. Kept free of zod so the sandboxed preload bundle stays small; contract.ts checks at
 * compile time that these lists are exactly its keys.
 */
import type { ApiArgs, ApiResult } from './contract';

export const API_CALL_NAMES = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listRecentFiles',
  'clearRecentFiles',
  'setWindowState',
  'confirmClose',
  'takeStartupFiles',
  'openDocument',
  'saveDocument',
  'statDocument',
  'writeBackup',
  'updateBackup',
  'listBackups',
  'readBackup',
  'discardBackup',
  'chooseOpenPath',
  'chooseSavePath',
  'getSourcePicture',
  'getSourceStories',
  'exportDocument',
  'exportPdf',
  'chooseExportPath',
  'suggest',
  'updateSuggestionDocument',
  'recordSuggestion',
  'getCorpusStatus',
  'addCorpusFolders',
  'removeCorpusFolder',
  'rebuildCorpusIndex',
  'chooseFolders',
  'getProofreadData',
] as const;
export type ApiCallName = (typeof API_CALL_NAMES)[number];

export const API_EVENT_NAMES = ['command', 'openFile', 'closeRequested', 'corpusStatus'] as const;
export type ApiEventName = (typeof API_EVENT_NAMES)[number];

export const IPC_CHANNEL_PREFIX = 'wengao:';
export const IPC_EVENT_PREFIX = 'wengao-event:';

/** What a call returns on the wire. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export type Invoke = (name: ApiCallName, args: unknown[]) => Promise<Envelope<unknown>>;
export type Subscribe = (event: ApiEventName, listener: (payload: unknown) => void) => () => void;

/**
 * What the preload exposes as `window.wengao`: one function per call, each resolving to an
 * envelope (an Error crossing Electron's contextBridge loses everything but its message, so
 * outcomes cross as data), plus event subscription.
 */
export type WengaoBridge = {
  [K in ApiCallName]: (...args: ApiArgs<K>) => Promise<Envelope<ApiResult<K>>>;
} & {
  on(event: ApiEventName, listener: (payload: unknown) => void): () => void;
};

export function checkedSubscribe(subscribe: Subscribe): Subscribe {
  return (event, listener) => {
    if (!(API_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
}

/** Builds the bridge over a transport (the preload uses ipcRenderer). */
export function createBridge(invoke: Invoke, subscribe: Subscribe): WengaoBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of API_CALL_NAMES) bridge[name] = (...args: unknown[]) => invoke(name, args);
  bridge.on = checkedSubscribe(subscribe);
  return bridge as WengaoBridge;
}
