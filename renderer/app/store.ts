/** A minimal observable value for state shared outside React's tree (dialogs, session). */
import { useCallback, useRef, useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

/** Shallow equality of plain objects: stores skip notifying when nothing visible changed. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function createStore<T>(initial: T, equal: (a: T, b: T) => boolean = Object.is): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const v = typeof next === 'function' ? (next as (prev: T) => T)(value) : next;
      if (equal(v, value)) return;
      value = v;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Writes a store's value as text straight into a DOM node, without a React render. For figures
 * that change on every keystroke (字数, caret position): a React commit while the caret is in
 * the editor makes React measure the selection across the whole document.
 */
export function useStoreText<T>(store: Store<T>, format: (v: T) => string): (el: HTMLElement | null) => void {
  const formatRef = useRef(format);
  formatRef.current = format;
  const unsubscribe = useRef<(() => void) | null>(null);
  return useCallback(
    (el: HTMLElement | null) => {
      unsubscribe.current?.();
      unsubscribe.current = null;
      if (!el) return;
      const write = () => {
        const text = formatRef.current(store.get());
        if (el.textContent !== text) el.textContent = text;
      };
      write();
      unsubscribe.current = store.subscribe(write);
    },
    [store],
  );
}
