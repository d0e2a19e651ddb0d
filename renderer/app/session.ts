/**
 * The open document as the app sees it: its name, where it lives, whether it has unsaved
 * changes. Keeps the window title and the shell's close handshake in step with it.
 */
import { windowTitle } from '../../shared/app';
import { api, hasCloseHandshake } from '../api';
import { createStore } from './store';

export interface SessionState {
  /** Display name: the file name, or 未命名 for a new document. */
  name: string;
  /** Where the document lives on disk; null until first saved. */
  path: string | null;
  dirty: boolean;
}

export const UNTITLED = '未命名文稿';

export const session = createStore<SessionState>({ name: UNTITLED, path: null, dirty: false });

let lastSent = '';
function syncWindow(): void {
  const { name, dirty } = session.get();
  document.title = windowTitle(name, dirty);
  const key = `${name}\u0000${dirty}`;
  if (key === lastSent) return;
  lastSent = key;
  void api.setWindowState({ documentName: name, dirty }).catch(() => {});
}
session.subscribe(syncWindow);
syncWindow();

const editListeners = new Set<() => void>();

/** The user changed the document (a load is not an edit): it is unsaved, and listeners hear of it. */
export function recordEdit(): void {
  if (!session.get().dirty) session.set((s) => ({ ...s, dirty: true }));
  for (const listener of editListeners) listener();
}

/** Calls `listener` after every edit (the edit counter, backups); returns the unsubscribe. */
export function onEdit(listener: () => void): () => void {
  editListeners.add(listener);
  return () => editListeners.delete(listener);
}

export function markClean(): void {
  if (session.get().dirty) session.set((s) => ({ ...s, dirty: false }));
}

// A browser tab (web harness) has no close handshake: let the browser ask.
window.addEventListener('beforeunload', (e) => {
  if (session.get().dirty && !hasCloseHandshake) {
    e.preventDefault();
  }
});
