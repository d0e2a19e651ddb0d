import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { API_CALL_NAMES, IPC_CHANNEL_PREFIX } from '../../../shared/api/names';
import { bindApi, type IpcInvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc';
import { stubHandlers } from '../../support/stubHandlers';

function fakeIpcMain() {
  const channels = new Map<string, (e: IpcInvokeEventLike, ...a: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (ch, l) => void channels.set(ch, l),
    removeHandler: (ch) => void channels.delete(ch),
  };
  const invoke = (name: string, frame: IpcInvokeEventLike['senderFrame'], ...args: unknown[]) => {
    const h = channels.get(IPC_CHANNEL_PREFIX + name);
    if (!h) throw new Error(`No handler registered for '${IPC_CHANNEL_PREFIX + name}'`);
    return h({ senderFrame: frame }, ...args);
  };
  return { ipc, channels, invoke };
}

const appFrame = { url: 'app://wengao/index.html', parent: null };

function handlers(spy = vi.fn()) {
  return stubHandlers({
    getAppInfo: () => ({ name: 'w', version: '1', shell: 'electron' as const, platform: 'linux', userDataDir: '/u', documentsDir: '/u' }),
    getSettings: () => defaultSettings(),
    updateSettings: (p) => (spy(p), { ...defaultSettings(), zoom: p.zoom ?? 100 }),
    listRecentFiles: () => [],
    clearRecentFiles: () => null,
    setWindowState: () => null,
    confirmClose: () => null,
    takeStartupFiles: () => [],
  });
}

describe('IPC binding', () => {
  it('binds one channel per contract call and unbinds them all', () => {
    const { ipc, channels } = fakeIpcMain();
    const off = bindApi(ipc, handlers());
    expect([...channels.keys()].sort()).toEqual(API_CALL_NAMES.map((n) => IPC_CHANNEL_PREFIX + n).sort());
    off();
    expect(channels.size).toBe(0);
  });

  it('runs a valid call from the app frame', async () => {
    const spy = vi.fn();
    const { ipc, invoke } = fakeIpcMain();
    bindApi(ipc, handlers(spy));
    expect(await invoke('updateSettings', appFrame, { zoom: 120 })).toEqual({ ok: true, value: { ...defaultSettings(), zoom: 120 } });
    expect(spy).toHaveBeenCalledWith({ zoom: 120 });
  });

  it('rejects a wrong argument type without calling the handler', async () => {
    const spy = vi.fn();
    const { ipc, invoke } = fakeIpcMain();
    const log = vi.fn();
    bindApi(ipc, handlers(spy), log);
    expect(await invoke('updateSettings', appFrame, { zoom: '120' })).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(await invoke('updateSettings', appFrame)).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(spy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('rejects calls from a foreign or embedded frame', async () => {
    const spy = vi.fn();
    const { ipc, invoke } = fakeIpcMain();
    bindApi(ipc, handlers(spy));
    expect(await invoke('updateSettings', { url: 'https://evil.example/', parent: null }, { zoom: 120 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('updateSettings', { url: 'app://wengao/index.html', parent: appFrame }, { zoom: 120 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('updateSettings', null, { zoom: 120 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('has no channel for an unknown call', async () => {
    const { ipc, invoke } = fakeIpcMain();
    bindApi(ipc, handlers());
    await expect(async () => invoke('runShellCommand', appFrame, 'rm -rf /')).rejects.toThrow(/No handler/);
  });
});
