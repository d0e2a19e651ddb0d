/**
 * The right-click menu in the text, as Word's: 剪切 / 复制 / 粘贴 / 粘贴为纯文本 / 全选, 段落样式
 * (the toolbar's list of parts, 自动 first), and what the selection needs: 加粗/倾斜/下划线 on
 * selected text, 标题升级/降级 on a heading, 下一个 ×× 填写处 on a template's field. Opened by
 * the right button, Shift+F10 or the ContextMenu key (at the caret). On a 校对 finding (the panel on)
 * it starts with the finding's fix (改为“…”) and 忽略. ↑ ↓ walk it, → opens
 * 段落样式, ← closes it, Enter chooses, Esc closes and gives the text back its caret.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $selectAll, $setSelection, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, type BaseSelection } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SHORTCUTS, shortcutLabel, type AppCommand } from '../../shared/commands';
import { findPlaceholders } from '../../shared/corpus/slots';
import type { ParagraphRole } from '../../shared/model/document';
import { ROLE_GROUPS, ROLE_LABELS } from '../../shared/model/paragraphStyles';
import { runCommand } from '../app/commands';
import { notify } from '../app/dialogs';
import { useStore } from '../app/store';
import { $blockOf } from './blocks';
import { setParagraphRole } from './formatting';
import { findingsAtCaret, type PanelFinding } from './proofread/caretFinding';
import { selectionStore } from './status';
import { $offsetInParagraph } from './textPieces';

interface Item {
  id: string;
  label: string;
  keys?: string;
  run?: () => unknown;
  /** 段落样式: opens the list of parts. */
  submenu?: boolean;
  checked?: boolean;
}

const keysOf = (cmd: AppCommand) => {
  const s = SHORTCUTS[cmd]?.[0];
  return s ? shortcutLabel(s) : undefined;
};

/** Dispatches a paste of plain text to the editor, as Ctrl+V of that text would. */
function pasteIntoEditor(root: HTMLElement, text: string): void {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}

interface Context {
  collapsed: boolean;
  heading: boolean;
  onField: boolean;
  /** The 校对 finding under the caret, if the panel shows one there. */
  finding: PanelFinding | null;
}

/** The caret's paragraph and its offset in the paragraph's text (inside a read). */
function $caretInParagraph(): { blockKey: string; offset: number } | null {
  const s = $getSelection();
  if (!$isRangeSelection(s)) return null;
  const node = s.anchor.getNode();
  const block = $blockOf(node);
  if (!block || !$isElementNode(block) || !$isTextNode(node)) return null;
  const offset = $offsetInParagraph(block, node, s.anchor.offset);
  return offset === null ? null : { blockKey: block.getKey(), offset };
}

export function ContextMenu() {
  const [editor] = useLexicalComposerContext();
  const sel = useStore(selectionStore);
  const [at, setAt] = useState<{ x: number; y: number; ctx: Context } | null>(null);
  const [sub, setSub] = useState(false);
  const [focus, setFocus] = useState(0);
  const menu = useRef<HTMLDivElement>(null);
  const saved = useRef<BaseSelection | null>(null);

  const open = useCallback(
    (x: number, y: number) => {
      const ctx = editor.getEditorState().read(() => {
        const s = $getSelection();
        saved.current = s?.clone() ?? null;
        if (!$isRangeSelection(s)) return { collapsed: true, heading: false, onField: false, finding: null };
        const node = s.anchor.getNode();
        const text = node.getTextContent();
        const off = s.anchor.offset;
        const onField = findPlaceholders(text).some((m) => m.start <= off && off <= m.end);
        const block = $blockOf(node);
        const heading = block !== null && /^heading[1-4]$/.test(document.querySelector(`[data-lexical-key="${block.getKey()}"]`)?.getAttribute('data-part') ?? '');
        const caret = $caretInParagraph();
        const finding = caret ? (findingsAtCaret.get()?.at(caret.blockKey, caret.offset) ?? null) : null;
        return { collapsed: s.isCollapsed(), heading, onField, finding };
      });
      setSub(false);
      setFocus(0);
      setAt({ x, y, ctx });
    },
    [editor],
  );

  const close = useCallback(
    (refocus = true) => {
      setAt(null);
      setSub(false);
      if (!refocus) return;
      const s = saved.current;
      editor.update(() => {
        if (s) $setSelection(s.clone());
      });
      editor.focus();
    },
    [editor],
  );

  // Right button in the text, and the keyboard's Shift+F10 / ContextMenu key at the caret.
  useEffect(() => {
    const caretBox = () => {
      const r = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
      const root = editor.getRootElement()!.getBoundingClientRect();
      return r && (r.width || r.height) ? { x: r.left, y: r.bottom } : { x: root.left + 40, y: root.top + 40 };
    };
    const offKey = editor.registerCommand(
      KEY_DOWN_COMMAND,
      (e) => {
        if (!((e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.altKey) || e.key === 'ContextMenu')) return false;
        e.preventDefault();
        const p = caretBox();
        open(p.x, p.y);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
    const onMenu = (e: MouseEvent) => {
      e.preventDefault();
      const p = e.button === -1 || (e.clientX === 0 && e.clientY === 0) ? caretBox() : { x: e.clientX, y: e.clientY };
      open(p.x, p.y);
    };
    const offRoot = editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('contextmenu', onMenu);
      root?.addEventListener('contextmenu', onMenu);
    });
    return () => {
      offKey();
      offRoot();
      editor.getRootElement()?.removeEventListener('contextmenu', onMenu);
    };
  }, [editor, open]);

  const items: Item[] = at
    ? [
        ...proofItems(at.ctx.finding),
        { id: 'cut', label: '剪切', keys: 'Ctrl+X', run: () => document.execCommand('cut') },
        { id: 'copy', label: '复制', keys: 'Ctrl+C', run: () => document.execCommand('copy') },
        { id: 'paste', label: '粘贴为纯文本', run: () => paste() },
        { id: 'selectAll', label: '全选', keys: 'Ctrl+A', run: () => editor.update(() => void $selectAll()) },
        ...(at.ctx.collapsed
          ? []
          : [
              { id: 'bold', label: '加粗', keys: keysOf('format.bold'), run: () => runCommand('format.bold'), checked: sel.bold },
              { id: 'italic', label: '倾斜', keys: keysOf('format.italic'), run: () => runCommand('format.italic'), checked: sel.italic },
              { id: 'underline', label: '下划线', keys: keysOf('format.underline'), run: () => runCommand('format.underline'), checked: sel.underline },
            ]),
        ...(at.ctx.heading
          ? [
              { id: 'promote', label: '标题升级', keys: keysOf('outline.promote'), run: () => runCommand('outline.promote') },
              { id: 'demote', label: '标题降级', keys: keysOf('outline.demote'), run: () => runCommand('outline.demote') },
            ]
          : []),
        ...(at.ctx.onField ? [{ id: 'nextField', label: '下一个 ×× 填写处', keys: keysOf('edit.nextField'), run: () => runCommand('edit.nextField') }] : []),
        { id: 'role', label: '段落样式', submenu: true },
      ]
    : [];

  const roles: Array<{ role: ParagraphRole | null; label: string }> = [{ role: null, label: '自动识别' }, ...ROLE_GROUPS.flatMap((g) => g.roles.map((r) => ({ role: r as ParagraphRole | null, label: ROLE_LABELS[r] })))];

  function proofItems(f: PanelFinding | null): Item[] {
    const acts = findingsAtCaret.get();
    if (!f || !acts) return [];
    return [
      ...(f.suggestion !== null ? [{ id: 'proofFix', label: f.suggestion ? `改为“${f.suggestion}”` : `删去“${f.text}”`, run: () => acts.fix(f) }] : []),
      { id: 'proofIgnore', label: '忽略此处', run: () => acts.ignore(f) },
    ];
  }

  async function paste() {
    const root = editor.getRootElement();
    try {
      const text = await navigator.clipboard.readText();
      if (root && text) pasteIntoEditor(root, text);
    } catch {
      notify('无法从菜单读取剪贴板，请按 Ctrl+V 粘贴。', 'warning');
    }
  }

  const choose = (i: number) => {
    const item = items[i];
    if (!item) return;
    if (item.submenu) {
      setSub(true);
      setFocus(0);
      return;
    }
    close();
    // After the selection is back: cut/copy act on it.
    requestAnimationFrame(() => void item.run?.());
  };

  const chooseRole = (i: number) => {
    const r = roles[i];
    if (!r) return;
    close();
    setParagraphRole(editor, r.role);
  };

  useLayoutEffect(() => {
    if (!at) return;
    menu.current?.querySelector<HTMLElement>(`[data-index="${sub ? `r${focus}` : focus}"]`)?.focus();
  }, [at, sub, focus]);

  if (!at) return null;
  const count = sub ? roles.length : items.length;
  const onKey = (e: React.KeyboardEvent) => {
    const k = e.key;
    if (k === 'Escape') close();
    else if (k === 'ArrowDown') setFocus((f) => (f + 1) % count);
    else if (k === 'ArrowUp') setFocus((f) => (f - 1 + count) % count);
    else if (k === 'Home') setFocus(0);
    else if (k === 'End') setFocus(count - 1);
    else if (k === 'ArrowRight' && !sub && items[focus]?.submenu) choose(focus);
    else if (k === 'ArrowLeft' && sub) {
      setSub(false);
      setFocus(items.findIndex((x) => x.submenu));
    } else if (k === 'Enter' || k === ' ') (sub ? chooseRole : choose)(focus);
    else if (k === 'Tab') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const x = Math.min(at.x, window.innerWidth - 240);
  const y = Math.min(at.y, window.innerHeight - (sub ? 420 : 40 + items.length * 30));
  return (
    <>
      <div className="context-backdrop" onMouseDown={() => close()} onContextMenu={(e) => (e.preventDefault(), close())} />
      <div ref={menu} className="context-menu" role="menu" aria-label={sub ? '段落样式' : '编辑'} style={{ left: x, top: Math.max(0, y) }} onKeyDown={onKey} data-testid="context-menu">
        {!sub &&
          items.map((it, i) => (
            <button key={it.id} type="button" role="menuitem" tabIndex={-1} data-index={i} data-testid={`menu-${it.id}`} aria-haspopup={it.submenu ? 'menu' : undefined} aria-checked={it.checked} onClick={() => choose(i)} onMouseEnter={() => setFocus(i)}>
              <span>{it.label}</span>
              <span className="context-keys">{it.submenu ? '▸' : (it.keys ?? '')}</span>
            </button>
          ))}
        {sub &&
          roles.map((r, i) => (
            <button key={r.label} type="button" role="menuitemradio" tabIndex={-1} data-index={`r${i}`} data-testid={`menu-role-${r.role ?? 'auto'}`} aria-checked={sel.role === r.role} onClick={() => chooseRole(i)} onMouseEnter={() => setFocus(i)}>
              <span>
                {sel.role === r.role ? '✓ ' : ''}
                {r.label}
              </span>
            </button>
          ))}
      </div>
    </>
  );
}
