/**
 * The preload: exposes the API contract as `window.wengao` and nothing else. Bundled into one
 * CommonJS file (sandboxed preloads cannot load modules).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX, createBridge } from '../../shared/api/names';

const bridge = createBridge(
  (name, args) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, ...args),
  (event, listener) => {
    const handler = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_EVENT_PREFIX + event, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_PREFIX + event, handler);
    };
  },
);

contextBridge.exposeInMainWorld('wengao', bridge);
// A dropped File carries no path in a sandboxed page; this is the one sanctioned way to ask.
contextBridge.exposeInMainWorld('wengaoFiles', {
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
