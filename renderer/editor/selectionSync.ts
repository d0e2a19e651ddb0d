/**
 * Lexical reads the browser's selection only when `selectionchange` arrives, a task after the
 * caret moved. A click followed at once by a shortcut (Ctrl+E, Ctrl+Alt+1, Ctrl+Shift+N…) would
 * act on the paragraph the caret was in before the click. So after a pointer or a navigation key
 * moved the caret in the text, and until Lexical has caught up, a key or a command first takes
 * the selection from the DOM (public API: $createRangeSelectionFromDom, $setSelection).
 */
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';

/** Editors whose DOM caret may have moved since Lexical last read it. */
const domAhead = new WeakSet<LexicalEditor>();

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Takes the selection from the DOM if it is ahead of Lexical's. Call inside an update. */
export function $syncSelectionFromDom(editor: LexicalEditor): void {
  if (!domAhead.has(editor)) return;
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.getSelection();
  if (!root || !dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return;
  const current = $getSelection();
  // A table or node selection is Lexical's own (made by its handlers, not by the DOM caret).
  if (current !== null && !$isRangeSelection(current)) return;
  const fresh = $createRangeSelectionFromDom(dom, editor);
  domAhead.delete(editor);
  if (!fresh) return;
  // The same points: keep Lexical's selection, with the format the user may have toggled on it.
  if (current && current.anchor.is(fresh.anchor) && current.focus.is(fresh.focus)) return;
  $setSelection(fresh);
}

/** Before a command acts on the selection (menus, toolbar, the app's shortcuts). */
export function syncSelectionFromDom(editor: LexicalEditor): void {
  if (!domAhead.has(editor)) return;
  editor.update(() => $syncSelectionFromDom(editor), { discrete: true, tag: SKIP_DOM_SELECTION_TAG });
}

export function registerSelectionSync(editor: LexicalEditor): () => void {
  const ahead = () => domAhead.add(editor);
  // A navigation key moves the caret as its default action, after its keydown: mark it after.
  const onKeyDown = (e: KeyboardEvent) => {
    if (NAVIGATION_KEYS.has(e.key)) setTimeout(ahead, 0);
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (NAVIGATION_KEYS.has(e.key)) ahead();
  };
  let root: HTMLElement | null = null;
  const detach = () => {
    root?.removeEventListener('mousedown', ahead);
    root?.removeEventListener('mouseup', ahead);
    root?.removeEventListener('keydown', onKeyDown);
    root?.removeEventListener('keyup', onKeyUp);
  };
  return mergeRegister(
    editor.registerRootListener((next) => {
      detach();
      root = next;
      root?.addEventListener('mousedown', ahead);
      root?.addEventListener('mouseup', ahead);
      root?.addEventListener('keydown', onKeyDown);
      root?.addEventListener('keyup', onKeyUp);
    }),
    // Lexical has read the DOM selection.
    editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        domAhead.delete(editor);
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Every key Lexical handles (Enter, Tab, Backspace, Ctrl+B…) first sees the caret the user sees.
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (e) => {
        if (!e.isComposing) $syncSelectionFromDom(editor);
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    detach,
    () => domAhead.delete(editor),
  );
}
