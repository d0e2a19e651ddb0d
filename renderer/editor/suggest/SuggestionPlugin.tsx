/**
 * Phrase suggestions while typing. When typing pauses (80 ms) the text before the caret goes to
 * the suggestion worker (asynchronously: the keystroke never waits); a likely continuation comes
 * back and is drawn as ghost text after the caret (DOM-only, see ghostText.ts); in the middle of a
 * paragraph, where ghost text cannot sit, as a compact candidate under the caret, and only after
 * the user typed there (moving the caret through old text shows nothing). Tab or → accepts
 * it as one undo step (a slot in it is then selected to type over), Esc dismisses it, Alt+/
 * lists up to five alternatives with their source. Nothing is shown or accepted while an IME
 * composition is open; an answer for a caret that has moved since is dropped; typing the
 * ghost's own next characters keeps it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $findMatchingParent,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  HISTORY_PUSH_TAG,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_RIGHT_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { renderSlots } from '../../../shared/corpus/slots';
import { api, requestWhenQuiet } from '../../api';
import { registerCommands } from '../../app/commands';
import { notify } from '../../app/dialogs';
import { LOAD_TAG } from '../Editor';
import { $blockOf } from '../blocks';
import { SuggestionDocumentFeed } from './documentFeed';
import { GhostText, type CaretBox } from './ghostText';
import { suggestionListStore } from './suggestStore';

/** Characters of context sent with a query (the engine uses at most 12, brackets need a few more). */
const CONTEXT_CHARS = 64;
/** A continuation is asked for once typing has paused this long (shorter than a pause to read one). */
const SUGGEST_PAUSE_MS = 80;
/** The open document is sent for the current-document boost this long after typing stops. */
const DOCUMENT_DELAY_MS = 1500;

interface Caret {
  /** Key of the paragraph (block) holding the caret. */
  blockKey: string;
  topKey: string;
  /** Its text before the caret. */
  before: string;
  /** Its text after the caret. */
  after: string;
  /** Nothing but spaces follows the caret in its paragraph. */
  atEnd: boolean;
}

function $caret(): Caret | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) || !sel.isCollapsed()) return null;
  const anchor = sel.anchor.getNode();
  const block = $findMatchingParent(anchor, (n: LexicalNode) => $isElementNode(n) && !n.isInline());
  if (!block || !$isElementNode(block)) return null;
  const top = $blockOf(block) ?? block;
  let before = '';
  let after = '';
  let seen = false;
  for (const t of block.getAllTextNodes()) {
    const text = t.getTextContent();
    if (t.is(anchor)) {
      before += text.slice(0, sel.anchor.offset);
      after += text.slice(sel.anchor.offset);
      seen = true;
    } else if (seen) after += text;
    else before += text;
  }
  if (!seen) {
    // The caret sits between children of the block (an element point).
    if (sel.anchor.type !== 'element' || !anchor.is(block)) return null;
    const children = block.getChildren();
    before = children.slice(0, sel.anchor.offset).map((c) => c.getTextContent()).join('');
    after = children.slice(sel.anchor.offset).map((c) => c.getTextContent()).join('');
  }
  return { blockKey: block.getKey(), topKey: top.getKey(), before, after, atEnd: after.trim() === '' };
}

interface Ghost {
  blockKey: string;
  /** The paragraph's text when the ghost was (last) placed. */
  base: string;
  /** What is still to come (placeholders as SLOT). */
  text: string;
}

export function registerSuggestions(editor: LexicalEditor): () => void {
  const view = new GhostText();
  let ghost: Ghost | null = null;
  let dismissed: { base: string; text: string } | null = null;
  let composing = false;
  let inflight = false;
  let queued = false;
  let lastAsked = '';
  let docTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCaret = '';

  const readCaret = () => editor.getEditorState().read($caret);
  const caretId = (c: Caret) => `${c.blockKey}\u0000${c.before}`;

  const render = () => {
    if (!ghost || composing || editor.isComposing()) {
      view.hide();
      return;
    }
    const el = editor.getElementByKey(ghost.blockKey);
    if (!el) {
      ghost = null;
      view.hide();
      return;
    }
    if (readCaret()?.atEnd !== false) view.show(el, ghost.text);
    else view.showAtCaret(caretBox(el), ghost.text);
  };

  const clearGhost = () => {
    ghost = null;
    view.hide();
  };

  /**
   * Asks once the typist pauses: a request and its answer cost the page's main thread a few
   * milliseconds (in a browser, a fetch), which must not land inside the keystrokes of a run of
   * typing; nobody reads a continuation while the keys are still coming.
   */
  const askWhenPaused = requestWhenQuiet('suggest', SUGGEST_PAUSE_MS, () => request());

  /** Whether the user typed where the caret is (a suggestion in the middle of a paragraph needs it). */
  let typedHere = false;
  /** Whether a suggestion may show at this caret. */
  const mayShow = (c: Caret) => c.atEnd || typedHere;

  const request = () => {
    if (inflight) {
      queued = true;
      return;
    }
    const caret = readCaret();
    if (!caret || !mayShow(caret) || composing || editor.isComposing()) return;
    const before = caret.before.slice(-CONTEXT_CHARS);
    const id = caretId(caret);
    if (before.replace(/\s/g, '').length < 2 || id === lastAsked) return;
    lastAsked = id;
    inflight = true;
    const settle = (show: () => boolean) => {
      inflight = false;
      const current = show();
      // Edits made while the worker answered: ask again for the caret as it is now.
      if (queued) {
        queued = false;
        if (!current) askWhenPaused.restart();
      }
    };
    api.suggest({ before, mode: 'ghost' }).then(
      (r) =>
        settle(() => {
          const now = readCaret();
          // The caret moved or an IME composition began while the worker answered: drop it.
          if (!now || caretId(now) !== id || !mayShow(now) || composing || editor.isComposing()) return false;
          const g = r.ghost;
          // In the middle of a paragraph, a suggestion that is already the text after the caret says nothing.
          const already = g !== null && !now.atEnd && now.after.startsWith(renderSlots(g.text).text);
          if (g && !already && !(dismissed && dismissed.base === now.before && dismissed.text === g.text)) {
            ghost = { blockKey: now.blockKey, base: now.before, text: g.text };
            render();
          }
          return true;
        }),
      () => settle(() => false),
    );
  };

  const onEdit = (edited: boolean) => {
    if (composing || editor.isComposing()) {
      view.hide(); // kept, not drawn: a committed composition may type through it
      return;
    }
    const caret = readCaret();
    if (suggestionListStore.get() && (!caret || caretId(caret) !== listCaret)) suggestionListStore.set(null);
    if (edited) typedHere = true;
    else if (caret && caretId(caret) !== lastCaret) typedHere = false; // the caret was moved, not typed along
    lastCaret = caret ? caretId(caret) : '';
    if (!caret || !mayShow(caret)) {
      clearGhost();
      return;
    }
    if (ghost && caret.blockKey === ghost.blockKey && caret.before.startsWith(ghost.base)) {
      const typed = caret.before.slice(ghost.base.length);
      if (typed === '') {
        render();
        return;
      }
      if (typed.length < ghost.text.length && ghost.text.startsWith(typed)) {
        // Typing through the suggestion: it stays while it still matches.
        ghost = { ...ghost, base: caret.before, text: ghost.text.slice(typed.length) };
        lastAsked = caretId(caret);
        render();
        return;
      }
    }
    clearGhost();
    askWhenPaused.restart();
  };

  const insert = (raw: string) => {
    const { text, slots } = renderSlots(raw);
    editor.update(
      () => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel)) return;
        sel.insertText(text);
        const first = slots[0];
        if (!first) return;
        // Select the first slot so that typing replaces it.
        const after = $getSelection();
        if (!$isRangeSelection(after)) return;
        const node = after.anchor.getNode();
        const end = after.anchor.offset;
        if ($isTextNode(node) && end >= text.length) after.setTextNodeRange(node, end - text.length + first[0], node, end - text.length + first[1]);
      },
      { tag: HISTORY_PUSH_TAG },
    );
    void api.recordSuggestion({ text: raw, accepted: true }).catch(() => {});
  };

  const acceptGhost = (event: KeyboardEvent | null): boolean => {
    if (!ghost || !view.visible || composing || editor.isComposing() || event?.isComposing) return false;
    event?.preventDefault();
    const text = ghost.text;
    clearGhost();
    insert(text);
    return true;
  };

  // ---------- the Alt+/ list ----------
  let listCaret = '';
  const openList = async () => {
    const caret = readCaret();
    if (!caret) return;
    const before = caret.before.slice(-CONTEXT_CHARS);
    if (before.replace(/\s/g, '').length < 2) {
      notify('请先输入至少两个字，再按 Alt+/ 查看提示。');
      return;
    }
    const r = await api.suggest({ before, mode: 'list', k: 5 });
    const now = readCaret();
    if (!now || caretId(now) !== caretId(caret)) return;
    if (r.suggestions.length === 0) {
      notify('素材中没有可接续的提法。');
      return;
    }
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    const root = editor.getRootElement()?.getBoundingClientRect();
    listCaret = caretId(now);
    clearGhost();
    suggestionListStore.set({ items: r.suggestions, selected: 0, x: rect && rect.height > 0 ? rect.left : (root?.left ?? 0), y: rect && rect.height > 0 ? rect.bottom + 4 : (root?.top ?? 0) });
  };
  const listMove = (delta: number): boolean => {
    const list = suggestionListStore.get();
    if (!list) return false;
    suggestionListStore.set({ ...list, selected: (list.selected + delta + list.items.length) % list.items.length });
    return true;
  };
  const listAccept = (event: KeyboardEvent | null): boolean => {
    const list = suggestionListStore.get();
    if (!list) return false;
    event?.preventDefault();
    suggestionListStore.set(null);
    const item = list.items[list.selected];
    if (item) insert(item.text);
    return true;
  };
  acceptFromList = (index: number) => {
    const list = suggestionListStore.get();
    if (!list) return;
    suggestionListStore.set({ ...list, selected: index });
    listAccept(null);
    editor.focus();
  };

  // ---------- the open document, for the current-document boost ----------
  // Only the paragraphs changed since the last pause are read and sent (documentFeed.ts); typing
  // within one paragraph, which is left out, sends nothing.
  const feed = new SuggestionDocumentFeed(editor);
  let sending = false;
  let sendAgain = false;
  const sendDocument = () => {
    // One change at a time: the worker applies them in the order they were made.
    if (sending) {
      sendAgain = true;
      return;
    }
    const change = feed.next(readCaret()?.topKey ?? null);
    if (!change) return;
    sending = true;
    const settle = (applied: boolean) => {
      sending = false;
      if (!applied) feed.reset();
      // Refused (the service does not hold what the change builds on): send everything now.
      if (sendAgain || !applied) {
        sendAgain = false;
        sendDocument();
      }
    };
    api.updateSuggestionDocument(change).then(
      (r) => settle(r.applied),
      () => {
        // Not delivered: the next pause sends everything.
        feed.reset();
        sending = false;
        sendAgain = false;
      },
    );
  };

  const onComposition = (start: boolean) => {
    composing = start;
    if (start) {
      view.hide();
      suggestionListStore.set(null);
    } else {
      // Lexical commits the composed text in its own compositionend handler, which may run
      // before this one: look again once it has.
      setTimeout(() => onEdit(true), 0);
    }
  };
  const compositionStart = () => onComposition(true);
  const compositionEnd = () => onComposition(false);

  const cleanup = mergeRegister(
    editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('compositionstart', compositionStart);
      prev?.removeEventListener('compositionend', compositionEnd);
      root?.addEventListener('compositionstart', compositionStart);
      root?.addEventListener('compositionend', compositionEnd);
    }),
    editor.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves }) => {
      if (tags.has(LOAD_TAG)) {
        clearGhost();
        lastAsked = '';
      }
      onEdit(dirtyLeaves.size > 0 && !tags.has(LOAD_TAG)); // opening a document is not typing at the caret
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) {
        clearTimeout(docTimer);
        docTimer = setTimeout(sendDocument, DOCUMENT_DELAY_MS);
      }
    }),
    editor.registerCommand(KEY_TAB_COMMAND, (e) => (!e.shiftKey && listAccept(e)) || (!e.shiftKey && acceptGhost(e)), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      KEY_ARROW_RIGHT_COMMAND,
      (e) => !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && acceptGhost(e),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(KEY_ENTER_COMMAND, (e) => listAccept(e), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(KEY_ARROW_DOWN_COMMAND, (e) => (listMove(1) ? (e.preventDefault(), true) : false), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(KEY_ARROW_UP_COMMAND, (e) => (listMove(-1) ? (e.preventDefault(), true) : false), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        if (suggestionListStore.get()) {
          suggestionListStore.set(null);
          return true;
        }
        if (!ghost || !view.visible) return false;
        dismissed = { base: ghost.base, text: ghost.text };
        void api.recordSuggestion({ text: ghost.text, accepted: false }).catch(() => {});
        clearGhost();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    registerCommands({ 'edit.suggestions': () => openList() }),
    // The candidate under the caret follows the caret when the page scrolls or the window is resized.
    (() => {
      const follow = () => {
        if (ghost && view.visible) render();
      };
      window.addEventListener('scroll', follow, true);
      window.addEventListener('resize', follow);
      return () => {
        window.removeEventListener('scroll', follow, true);
        window.removeEventListener('resize', follow);
      };
    })(),
    () => {
      clearTimeout(docTimer);
      askWhenPaused.cancel();
      feed.dispose();
      view.dispose();
      suggestionListStore.set(null);
      acceptFromList = () => {};
    },
  );
  sendDocument();
  return cleanup;
}

/** The caret's place on screen, else the paragraph's bottom left. */
function caretBox(paragraph: HTMLElement): CaretBox {
  const sel = window.getSelection();
  if (sel && sel.rangeCount > 0) {
    const range = sel.getRangeAt(0);
    const rect = range.getBoundingClientRect();
    const box = rect.height > 0 ? rect : range.getClientRects()[0];
    if (box && box.height > 0) return { left: box.left, top: box.top, bottom: box.bottom };
  }
  const r = paragraph.getBoundingClientRect();
  return { left: r.left, top: r.bottom, bottom: r.bottom };
}

/** Accepts the list item the user clicked (set while the plugin is mounted). */
export let acceptFromList: (index: number) => void = () => {};

export function SuggestionPlugin({ enabled }: { enabled: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (enabled ? registerSuggestions(editor) : undefined), [editor, enabled]);
  return null;
}
