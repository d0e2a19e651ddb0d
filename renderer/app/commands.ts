/**
 * The command registry. Menus (via the shell), the toolbar and the keyboard all run commands by
 * id; features register the handlers they own. Errors a handler throws become a notice.
 */
import { useEffect } from 'react';
import { commandForKey, type AppCommand } from '../../shared/commands';
import { ApiError } from '../../shared/api/contract';
import { isDialogOpen, notify } from './dialogs';
import { createStore } from './store';

/** A full-window view (the 打印预览) owns the keyboard while it is open. */
export const overlayOpen = createStore(false);

type Handler = () => unknown;
const registry = new Map<AppCommand, Handler>();

export function registerCommands(handlers: Partial<Record<AppCommand, Handler>>): () => void {
  for (const [cmd, h] of Object.entries(handlers) as [AppCommand, Handler][]) registry.set(cmd, h);
  return () => {
    for (const [cmd, h] of Object.entries(handlers) as [AppCommand, Handler][]) if (registry.get(cmd) === h) registry.delete(cmd);
  };
}

/** Registers handlers for the lifetime of a component. */
export function useCommands(handlers: Partial<Record<AppCommand, Handler>>, deps: unknown[]): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what its handlers use in `deps`
  useEffect(() => registerCommands(handlers), deps);
}

export function hasCommand(cmd: AppCommand): boolean {
  return registry.has(cmd);
}

export function reportError(e: unknown): void {
  if (e instanceof ApiError) notify(e.message, 'error');
  else {
    console.error(e);
    notify(`操作失败：${e instanceof Error ? e.message : String(e)}`, 'error');
  }
}

/** Runs a command; resolves with the handler's result (undefined if none is registered). */
export async function runCommand(cmd: AppCommand): Promise<unknown> {
  const h = registry.get(cmd);
  if (!h) return undefined;
  try {
    return await h();
  } catch (e) {
    reportError(e);
    return undefined;
  }
}

/** Commands that make sense while typing in a text field of the UI (not the document). */
const FIELD_SAFE = new Set<AppCommand>(['file.new', 'file.newFromTemplate', 'file.open', 'file.save', 'file.saveAs', 'file.export', 'file.printPreview', 'edit.find', 'edit.replace', 'view.outline', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset']);

function isUiField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-lexical-editor]')) return false;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/** One keyboard handler for Word's shortcuts, in Electron and the browser alike. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229) return; // IME composition owns the keys
      if (isDialogOpen() || overlayOpen.get()) return;
      const cmd = commandForKey(e);
      if (!cmd || !registry.has(cmd)) return;
      if (isUiField(e.target) && !FIELD_SAFE.has(cmd)) return;
      e.preventDefault();
      e.stopPropagation();
      void runCommand(cmd);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
