/**
 * Esc, Tab, Shift+Tab and Backspace in the text as Word does them, so that no key pressed in the
 * document takes the focus out of it (Lexical's defaults blur on Esc and let Tab move the focus
 * to the next control, after which typing and IME input go nowhere):
 * - Esc does nothing in the text (a suggestion or the list, when shown, is dismissed by the
 *   suggestion plugin first, at a higher priority).
 * - Tab at the start of a paragraph indents it (Word's "set left- and first-indent with tabs and
 *   backspaces": the first Tab gives a paragraph without one a first-line indent, the next ones
 *   raise its left indent by a tab stop); elsewhere it inserts a tab character; across several
 *   paragraphs it raises their left indent. Shift+Tab at the start takes one step back.
 * - Backspace at the start of an indented paragraph takes one step back, as Shift+Tab.
 * - Tab in a table cell moves to the next cell (TablePlugin's handler, at a higher priority).
 * - Ctrl+Home and Ctrl+End go to the very start and end of the document (with Shift: select to
 *   there), as Word's do. The browser's own would stop at the start of the last run of blocks
 *   it has not laid out (content-visibility), or at the start of the last paragraph.
 * A guard also puts the focus back when a key handled in the text would leave it on nothing.
 */
import { $findMatchingParent } from '@lexical/utils';
import { $isTableCellNode } from '@lexical/table';
import {
  $createTabNode,
  $getEditor,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $onUpdate,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { MAX_TAB_INDENT_CHARS, TAB_STOP_CHARS } from '../../shared/model/paragraphStyles';
import { $selectedParagraphs } from './formatting';
import { $isWgParagraphNode, type WgParagraphNode } from './nodes/WgParagraphNode';

/** Raises (+1) or lowers (−1) a paragraph's indent by one tab stop, Word's way. */
export function $stepIndent(p: WgParagraphNode, direction: 1 | -1): boolean {
  const first = p.getFirstLineChars();
  const left = p.getLeftChars();
  if (direction > 0) {
    if (first < TAB_STOP_CHARS && left === 0) {
      p.setFirstLineChars(TAB_STOP_CHARS);
      return true;
    }
    if (left + TAB_STOP_CHARS > MAX_TAB_INDENT_CHARS) return false;
    p.setLeftChars(left + TAB_STOP_CHARS);
    return true;
  }
  if (left > 0) {
    p.setLeftChars(Math.max(0, left - TAB_STOP_CHARS));
    return true;
  }
  if (first > 0) {
    p.setFirstLineChars(0);
    return true;
  }
  return false;
}

/** The paragraph whose very start the collapsed caret is at, or null. */
export function $paragraphAtCaretStart(sel: RangeSelection): WgParagraphNode | null {
  if (!sel.isCollapsed() || sel.anchor.offset !== 0) return null;
  let node: LexicalNode | null = sel.anchor.getNode();
  while (node && !$isWgParagraphNode(node)) {
    if (node.getPreviousSibling() !== null) return null;
    node = node.getParent();
  }
  return node;
}

function $inTableCell(sel: RangeSelection): boolean {
  return $findMatchingParent(sel.anchor.getNode(), $isTableCellNode) !== null || $findMatchingParent(sel.focus.getNode(), $isTableCellNode) !== null;
}

/** What Tab (or Shift+Tab) does in the text; returns whether the document changed. */
export function $handleTab(shift: boolean): boolean {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) || $inTableCell(sel)) return false;
  const atStart = $paragraphAtCaretStart(sel);
  if (atStart) return $stepIndent(atStart, shift ? -1 : 1);
  const paras = $selectedParagraphs();
  if (paras.length > 1) {
    // Several paragraphs: Word moves their left indent, first lines keep their own.
    let changed = false;
    for (const p of paras) {
      const left = p.getLeftChars();
      const next = Math.min(MAX_TAB_INDENT_CHARS, Math.max(0, left + (shift ? -TAB_STOP_CHARS : TAB_STOP_CHARS)));
      if (next !== left) {
        p.setLeftChars(next);
        changed = true;
      }
    }
    return changed;
  }
  if (shift) return false;
  $insertNodes([$createTabNode()]);
  return true;
}

function isKeyboardEvent(e: unknown): e is KeyboardEvent {
  return typeof e === 'object' && e !== null && 'preventDefault' in e;
}

export function registerWordKeys(editor: LexicalEditor): () => void {
  return mergeRegister(
    // Below the suggestion plugin (HIGH: dismisses a ghost) and above rich text's blur (EDITOR).
    editor.registerCommand(KEY_ESCAPE_COMMAND, () => true, COMMAND_PRIORITY_LOW),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (e) => {
        // Never let the browser move the focus: the key is the document's.
        if (isKeyboardEvent(e)) e.preventDefault();
        const sel = $getSelection();
        if ($isRangeSelection(sel) && $inTableCell(sel) && !sel.isCollapsed()) {
          // TablePlugin moves between cells only from a caret: collapse and let it act.
          sel.anchor.set(sel.focus.key, sel.focus.offset, sel.focus.type);
          return editor.dispatchCommand(KEY_TAB_COMMAND, e);
        }
        $handleTab(Boolean(e?.shiftKey));
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (e) => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel) || $inTableCell(sel)) return false;
        const p = $paragraphAtCaretStart(sel);
        if (!p || !$stepIndent(p, -1)) return false;
        if (isKeyboardEvent(e)) e.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(KEY_DOWN_COMMAND, $documentEdgeKey, COMMAND_PRIORITY_LOW),
    registerFocusGuard(editor),
  );
}

/** Ctrl+Home / Ctrl+End (Shift: extending the selection); false for any other key. */
function $documentEdgeKey(e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.key !== 'Home' && e.key !== 'End')) return false;
  const sel = $getSelection();
  const root = $getRoot();
  // The anchor's place, copied: selecting moves the selection's own points.
  const keep = e.shiftKey && $isRangeSelection(sel) ? { ...sel.anchor } : null;
  const moved = e.key === 'Home' ? root.selectStart() : root.selectEnd();
  if (keep) {
    moved.anchor.set(keep.key, keep.offset, keep.type);
    // Lexical brings only a caret into view; a selection shows where it was extended to.
    const focusKey = moved.focus.key;
    const editor = $getEditor();
    $onUpdate(() => editor.getElementByKey(focusKey)?.scrollIntoView({ block: 'nearest' }));
  }
  e.preventDefault();
  return true;
}

/**
 * A key pressed in the text never leaves the focus on nothing: if the editor loses the focus to
 * no element while a key it received is being handled (a blur in some handler), it takes it back.
 * Moving the focus to another control on purpose (Ctrl+F to the find field) is left alone.
 */
function registerFocusGuard(editor: LexicalEditor): () => void {
  let root: HTMLElement | null = null;
  let keyPending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    keyPending = true;
    clearTimeout(timer);
    timer = setTimeout(() => (keyPending = false), 0);
  };
  const onBlur = (e: FocusEvent) => {
    if (!keyPending || e.relatedTarget !== null || !document.hasFocus()) return;
    const el = root;
    // After the blur completes; the caret stays where Lexical's selection is.
    queueMicrotask(() => {
      if (el && (document.activeElement === null || document.activeElement === document.body)) el.focus({ preventScroll: true });
    });
  };
  const offRoot = editor.registerRootListener((next, prev) => {
    prev?.removeEventListener('keydown', onKeyDown, true);
    prev?.removeEventListener('blur', onBlur);
    next?.addEventListener('keydown', onKeyDown, true);
    next?.addEventListener('blur', onBlur);
    root = next;
  });
  return () => {
    clearTimeout(timer);
    offRoot();
    root?.removeEventListener('keydown', onKeyDown, true);
    root?.removeEventListener('blur', onBlur);
  };
}
