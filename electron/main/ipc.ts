/**
 * Binds the API contract to ipcMain: one channel per call, each checking its sender frame and
 * validating its arguments before a handler runs. Typed against a minimal ipcMain shape so the
 * tests can drive it without Electron.
 */
import {
  API_CALL_NAMES,
  IPC_CHANNEL_PREFIX,
  createDispatcher,
  type ApiHandlers,
  type Envelope,
} from '../../shared/api/contract';
import { isTrustedSender, type FrameLike } from './security';

export interface IpcInvokeEventLike {
  senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function bindApi(ipcMain: IpcMainLike, handlers: ApiHandlers, log: (msg: string) => void = () => {}): () => void {
  const dispatch = createDispatcher(handlers);
  for (const name of API_CALL_NAMES) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + name, async (event, ...args): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`rejected IPC call ${name} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'forbidden', message: 'forbidden sender' } };
      }
      const result = await dispatch(name, args);
      if (!result.ok && result.error.code === 'invalid-call') log(result.error.message);
      return result;
    });
  }
  return () => {
    for (const name of API_CALL_NAMES) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + name);
  };
}
