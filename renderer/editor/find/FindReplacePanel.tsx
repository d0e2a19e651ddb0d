/**
 * 查找和替换 (Ctrl+F / Ctrl+H): a bar above the page with the match count, next/previous,
 * replace and replace-all (one undo step). Matches are highlighted with the CSS Custom
 * Highlight API, so nothing is written into the document while searching.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createStore, useStore } from '../../app/store';
import { isDialogOpen, notify } from '../../app/dialogs';
import { $collectSearchBlocks, domRangesOf, findMatches, replaceMatches, selectMatch, type Match, type SearchBlock } from './search';

export const findPanel = createStore<{ mode: 'closed' | 'find' | 'replace'; focusToken: number }>({ mode: 'closed', focusToken: 0 });

export function openFindPanel(mode: 'find' | 'replace'): void {
  findPanel.set((s) => ({ mode, focusToken: s.focusToken + 1 }));
}

const HIGHLIGHT_ALL = 'wg-find';
const HIGHLIGHT_CURRENT = 'wg-find-current';

function clearHighlights() {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
    CSS.highlights.delete(HIGHLIGHT_ALL);
    CSS.highlights.delete(HIGHLIGHT_CURRENT);
  }
}

export function FindReplacePanel() {
  const [editor] = useLexicalComposerContext();
  const { mode, focusToken } = useStore(findPanel);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [blocks, setBlocks] = useState<SearchBlock[]>([]);
  const [matches, setMatches] = useState<Match[]>([]);
  const [current, setCurrent] = useState(-1);
  const findInput = useRef<HTMLInputElement>(null);
  /** Whether the current match has been selected in the document yet (the first Enter selects it). */
  const navigated = useRef(false);
  const open = mode !== 'closed';

  // Seed the query from a short selection, like Word does, and focus the field.
  useEffect(() => {
    if (!open) return;
    const selected = window.getSelection()?.toString() ?? '';
    if (selected && !selected.includes('\n') && selected.length <= 100) {
      setQuery(selected);
      navigated.current = false;
    }
    requestAnimationFrame(() => {
      findInput.current?.focus();
      findInput.current?.select();
    });
  }, [open, focusToken, editor]);

  const recompute = useCallback(() => {
    const b = editor.getEditorState().read(() => $collectSearchBlocks());
    const m = findMatches(b, query, { matchCase });
    setBlocks(b);
    setMatches(m);
    setCurrent((c) => (m.length === 0 ? -1 : Math.min(Math.max(c, 0), m.length - 1)));
  }, [editor, query, matchCase]);

  // Recompute on query change and (debounced) on document edits while open.
  useEffect(() => {
    if (!open) {
      clearHighlights();
      return;
    }
    recompute();
    let timer: number | undefined;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(recompute, 120);
    });
    return () => {
      window.clearTimeout(timer);
      unregister();
    };
  }, [open, recompute, editor]);

  // Paint highlights after the DOM reflects the state the matches were computed from.
  useEffect(() => {
    if (!open || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = domRangesOf(editor, blocks, matches);
    CSS.highlights.set(HIGHLIGHT_ALL, new Highlight(...ranges));
    const currentMatch = matches[current];
    const cur = currentMatch ? domRangesOf(editor, blocks, [currentMatch]) : [];
    CSS.highlights.set(HIGHLIGHT_CURRENT, new Highlight(...cur));
  }, [open, editor, blocks, matches, current]);

  useEffect(() => clearHighlights, []);

  // Esc closes the bar from anywhere, also while typing in the document.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing && !isDialogOpen()) {
        e.preventDefault();
        findPanel.set((s) => ({ ...s, mode: 'closed' }));
        editor.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, editor]);

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const base = Math.max(current, 0);
    const next = navigated.current ? (base + delta + matches.length) % matches.length : base;
    navigated.current = true;
    setCurrent(next);
    selectMatch(editor, blocks, matches[next]!);
  };

  const close = () => {
    findPanel.set((s) => ({ ...s, mode: 'closed' }));
    editor.focus();
  };

  const replaceOne = () => {
    if (matches.length === 0) return;
    const idx = Math.min(Math.max(current, 0), matches.length - 1);
    if (replaceMatches(editor, blocks, [matches[idx]!], replacement) === 0) {
      // In an equation (read-only): left as it is, on to the next one.
      notify('公式中的文字不能替换，已跳过。');
      const next = (idx + 1) % matches.length;
      setCurrent(next);
      selectMatch(editor, blocks, matches[next]!);
      return;
    }
    // The next match moves into the replaced one's place after the recompute.
    setCurrent(idx);
    navigated.current = false;
  };

  const replaceAll = () => {
    if (matches.length === 0) return;
    const n = replaceMatches(editor, blocks, matches, replacement);
    const skipped = matches.length - n;
    notify(`已全部替换，共 ${n} 处。${skipped > 0 ? `另有 ${skipped} 处在公式中（只读），未替换。` : ''}`);
  };

  if (!open) return null;
  const countText = query === '' ? '' : matches.length === 0 ? '无结果' : `第 ${current + 1} 项，共 ${matches.length} 项`;

  return (
    <div className="find-panel" data-testid="find-panel" role="search">
      <div className="find-row">
        <input
          ref={findInput}
          data-testid="find-input"
          aria-label="查找内容"
          placeholder="查找内容"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
            navigated.current = false;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-count" data-testid="find-count" aria-live="polite">
          {countText}
        </span>
        <button title="上一个 (Shift+Enter)" aria-label="上一个" data-testid="find-prev" disabled={matches.length === 0} onClick={() => go(-1)}>
          ↑
        </button>
        <button title="下一个 (Enter)" aria-label="下一个" data-testid="find-next" disabled={matches.length === 0} onClick={() => go(1)}>
          ↓
        </button>
        <label className="find-option" title="区分大小写">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
          区分大小写
        </label>
        <button
          className="find-toggle"
          title={mode === 'replace' ? '隐藏替换' : '显示替换 (Ctrl+H)'}
          onClick={() => findPanel.set((s) => ({ ...s, mode: s.mode === 'replace' ? 'find' : 'replace' }))}
        >
          替换…
        </button>
        <button title="关闭 (Esc)" aria-label="关闭" data-testid="find-close" onClick={close}>
          ×
        </button>
      </div>
      {mode === 'replace' && (
        <div className="find-row">
          <input
            data-testid="replace-input"
            aria-label="替换为"
            placeholder="替换为"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                replaceOne();
              }
            }}
          />
          <button data-testid="replace-one" disabled={matches.length === 0} onClick={replaceOne}>
            替换
          </button>
          <button data-testid="replace-all" disabled={matches.length === 0} onClick={replaceAll}>
            全部替换
          </button>
        </div>
      )}
    </div>
  );
}
