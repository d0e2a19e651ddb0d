/**
 * 文档结构: the document's outline as a collapsible tree — title, 一、/（一）/1./（1） headings,
 * each with its section's 字数 — live as the user types. Click: go there. Drag: move the section
 * before, after or into another. Tab / Shift+Tab: demote / promote. Numbering problems are marked
 * with their fix; unnumbered parallel leads are offered as headings.
 *
 * Performance: the tree re-renders only when the heading list changes (outlineViewStore); the
 * section counts and the caret's section change on every keystroke and are written to the DOM
 * here directly, never through React state. Only the rows in view are in the DOM (rows have one
 * fixed height): hundreds of rows in the page made every keystroke's layout and paint three
 * times as long.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { LEVEL_NAMES } from '../../shared/outline/check';
import type { DropPosition } from '../../shared/outline/sections';
import { notify } from '../app/dialogs';
import { useStore } from '../app/store';
import { outlineEngineStore } from '../editor/outline/OutlinePlugin';
import { activeSectionStore, formatCount, outlineViewStore, sectionCounts, typedTitles, type OutlineItem } from '../editor/outline/outlineStore';

const DRAG_TYPE = 'application/x-wengao-section';
/** Every row's height in px (styles.css .outline-item) and how many rows are kept beyond the view. */
const ROW_HEIGHT = 26;
const OVERSCAN = 12;

function report(reason: string | null | undefined): void {
  if (reason) notify(reason, 'info');
}

/** The items shown: those without a collapsed ancestor. */
function visibleItems(items: OutlineItem[], collapsed: ReadonlySet<string>): OutlineItem[] {
  const out: OutlineItem[] = [];
  let hiddenBelow = Infinity; // depth under which items are hidden
  for (const item of items) {
    if (item.depth > hiddenBelow) continue;
    hiddenBelow = Infinity;
    out.push(item);
    if (item.hasChildren && collapsed.has(item.key)) hiddenBelow = item.depth;
  }
  return out;
}

function dropPosition(row: HTMLElement, clientY: number): DropPosition {
  if (row.dataset.kind === 'title') return 'after';
  const r = row.getBoundingClientRect();
  const y = (clientY - r.top) / Math.max(1, r.height);
  return y < 0.3 ? 'before' : y > 0.7 ? 'after' : 'inside';
}

function ancestorsOf(byKey: ReadonlyMap<string, OutlineItem>, key: string): string[] {
  const out: string[] = [];
  for (let k = byKey.get(key)?.parentKey ?? null; k; k = byKey.get(k)?.parentKey ?? null) out.push(k);
  return out;
}

function tooltipOf(item: OutlineItem): string {
  return item.kind === 'suggestion' ? `可设为${LEVEL_NAMES[item.level]}` : `${LEVEL_NAMES[item.level]}：${item.number}${item.title}`;
}

const POSITION_LABEL: Record<DropPosition, string> = { before: '移到此节之前', after: '移到此节之后', inside: '移入此节（作为下级）' };

export function OutlinePane({ autoRenumber, onAutoRenumberChange }: { autoRenumber: boolean; onAutoRenumberChange: (on: boolean) => void }) {
  const engine = useStore(outlineEngineStore);
  const view = useStore(outlineViewStore);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [problemsOpen, setProblemsOpen] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewportState] = useState({ top: 0, height: 800 });
  const setViewport = useCallback((v: { top: number; height: number }) => setViewportState((old) => (old.top === v.top && old.height === v.height ? old : v)), []);
  const countEls = useRef(new Map<string, HTMLElement>());
  const dragKey = useRef<string | null>(null);
  const dropRow = useRef<HTMLElement | null>(null);

  const items = view.items;
  const byKey = useMemo(() => new Map(items.map((i) => [i.key, i])), [items]);
  const visible = useMemo(() => visibleItems(items, collapsed), [items, collapsed]);
  const rowOf = useCallback((key: string) => bodyRef.current?.querySelector<HTMLElement>(`[data-outline-key="${CSS.escape(key)}"]`) ?? null, []);
  const indexOf = useMemo(() => new Map(visible.map((v, i) => [v.key, i])), [visible]);

  // The rows in view (and a few more); the rest exist only as the list's height.
  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setViewport({ top: body.scrollTop, height: body.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(body);
    return () => ro.disconnect();
  }, [setViewport]);
  /** Scrolls the tree so that the row at `index` is in view (its row is then rendered). */
  const ensureVisible = useCallback((index: number) => {
    const body = bodyRef.current;
    if (!body || index < 0) return;
    const rows = rowsRef.current;
    const offset = rows ? rows.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop : 0;
    const top = offset + index * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
    setViewport({ top: body.scrollTop, height: body.clientHeight });
  }, [setViewport]);

  // Section counts: straight into the DOM. One ref callback per section, so that a re-render
  // does not detach and re-attach every row's count.
  const countRefs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const countRef = useCallback((key: string) => {
    let ref = countRefs.current.get(key);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        if (!el) {
          countEls.current.delete(key);
          return;
        }
        countEls.current.set(key, el);
        const n = sectionCounts.get(key);
        el.textContent = n === undefined ? '' : formatCount(n);
      };
      countRefs.current.set(key, ref);
    }
    return ref;
  }, []);
  useEffect(
    () =>
      sectionCounts.subscribe((changed) => {
        for (const key of changed) {
          const el = countEls.current.get(key);
          const n = sectionCounts.get(key);
          if (el && n !== undefined) {
            const text = formatCount(n);
            if (el.textContent !== text) el.textContent = text;
          }
        }
      }),
    [],
  );

  // A title being typed in the document: straight into its row.
  useEffect(
    () =>
      typedTitles.subscribe((changed) => {
        for (const key of changed) {
          const row = rowOf(key);
          const item = byKey.get(key);
          const span = row?.querySelector('.outline-title');
          const title = typedTitles.get(key);
          if (!row || !span || !item || title === undefined) continue;
          span.textContent = title || '（无标题）';
          row.title = tooltipOf(item);
        }
      }),
    [rowOf, byKey],
  );

  // The caret's section: highlighted (or its nearest shown ancestor) without a render; when it
  // changes, the tree scrolls to it (not when the user scrolls the tree elsewhere) — also when the
  // news of the caret came before the tree had the section (after a paste), at the render that brings it.
  const followed = useRef<string | null>(null);
  const markActive = useCallback(
    (scroll: boolean) => {
      const body = bodyRef.current;
      if (!body) return;
      let key = activeSectionStore.get();
      while (key && !indexOf.has(key)) key = byKey.get(key)?.parentKey ?? null; // inside a collapsed section
      const row = key ? rowOf(key) : null;
      const prev = body.querySelector<HTMLElement>('.outline-item.active');
      if (prev !== row) {
        prev?.classList.remove('active');
        prev?.removeAttribute('aria-current');
        row?.classList.add('active');
        row?.setAttribute('aria-current', 'location');
      }
      // An unrendered row is rendered, then marked.
      if (key && (scroll || key !== followed.current)) ensureVisible(indexOf.get(key)!);
      followed.current = key;
    },
    [byKey, indexOf, rowOf, ensureVisible],
  );
  useEffect(() => activeSectionStore.subscribe(() => markActive(true)), [markActive]);
  useLayoutEffect(() => markActive(false));

  // Keep the keyboard focus on the same section across re-renders: a moved row loses the focus
  // (its DOM node is moved), which must not throw the user out of the tree after Alt+Shift+↑.
  const paneFocused = useRef(false);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !focusKey || !paneFocused.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && !body.contains(active)) return;
    const row = rowOf(focusKey);
    if (!row) return ensureVisible(indexOf.get(focusKey) ?? -1);
    if (active !== row) row.focus();
  });

  const toggle = (key: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const focusRow = (key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    ensureVisible(indexOf.get(key) ?? -1);
    rowOf(key)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-outline-key]');
    if (!row || !engine) return;
    const key = row.dataset.outlineKey!;
    const item = byKey.get(key);
    const i = visible.findIndex((v) => v.key === key);
    if (!item) return;
    const heading = item.kind === 'heading';
    switch (e.key) {
      case 'ArrowDown':
        if (e.altKey) return; // Alt+Shift+↓: the move command
        focusRow(visible[i + 1]?.key);
        break;
      case 'ArrowUp':
        if (e.altKey) return;
        focusRow(visible[i - 1]?.key);
        break;
      case 'Home':
        focusRow(visible[0]?.key);
        break;
      case 'End':
        focusRow(visible[visible.length - 1]?.key);
        break;
      case 'ArrowRight':
        if (e.altKey) return;
        if (item.hasChildren && collapsed.has(key)) toggle(key);
        else if (item.hasChildren) focusRow(visible[i + 1]?.key);
        break;
      case 'ArrowLeft':
        if (e.altKey) return;
        if (item.hasChildren && !collapsed.has(key)) toggle(key);
        else focusRow(item.parentKey ?? undefined);
        break;
      case 'Enter':
        engine.goTo(key);
        break;
      case 'Tab':
        if (!heading) return;
        report(engine.shift(key, e.shiftKey ? -1 : 1));
        break;
      case 'Escape':
        if (!problemsOpen) return;
        setProblemsOpen(null);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const clearDrop = () => {
    if (dropRow.current) {
      delete dropRow.current.dataset.drop;
      dropRow.current.removeAttribute('title');
    }
    dropRow.current = null;
  };

  const onDragStart = (e: DragEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-outline-key]');
    if (!row || row.dataset.kind !== 'heading') {
      e.preventDefault();
      return;
    }
    dragKey.current = row.dataset.outlineKey!;
    e.dataTransfer.setData(DRAG_TYPE, dragKey.current);
    e.dataTransfer.setData('text/plain', row.textContent ?? '');
    e.dataTransfer.effectAllowed = 'move';
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!dragKey.current && !e.dataTransfer.types.includes(DRAG_TYPE)) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-outline-key]');
    if (!row || row.dataset.kind === 'suggestion') return clearDrop();
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const pos = dropPosition(row, e.clientY);
    if (dropRow.current !== row) clearDrop();
    dropRow.current = row;
    if (row.dataset.drop !== pos) {
      row.dataset.drop = pos;
      row.title = POSITION_LABEL[pos];
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const src = e.dataTransfer.getData(DRAG_TYPE) || dragKey.current;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-outline-key]');
    clearDrop();
    dragKey.current = null;
    if (!src || !row || !engine) return;
    e.preventDefault();
    report(engine.move(src, row.dataset.outlineKey!, dropPosition(row, e.clientY)));
    setFocusKey(src);
  };

  const firstProblem = items.find((i) => i.problems.length > 0);
  const openItem = problemsOpen && indexOf.has(problemsOpen) ? byKey.get(problemsOpen)!.problems.length > 0 ? byKey.get(problemsOpen)! : null : null;

  return (
    <aside className="outline-pane" data-testid="outline" aria-label="文档结构">
      <div className="pane-title outline-header">
        <span className="outline-heading">文档结构</span>
        <span className="status-spacer" />
        <label className="outline-auto" title="移动、插入或删除章节后，自动重排 一、（一）1.（1） 编号">
          <input type="checkbox" data-testid="outline-autorenumber" checked={autoRenumber} onChange={(e) => onAutoRenumberChange(e.target.checked)} />
          自动编号
        </label>
        <button type="button" className="tool outline-tool" title="全部折叠" aria-label="全部折叠" onClick={() => setCollapsed(new Set(items.filter((i) => i.hasChildren && i.kind !== 'title').map((i) => i.key)))}>
          ⊟
        </button>
        <button type="button" className="tool outline-tool" title="全部展开" aria-label="全部展开" onClick={() => setCollapsed(new Set())}>
          ⊞
        </button>
      </div>
      {items.length > 0 && (
        // Always there while the document has headings, so that the tree below never shifts.
        <button
          type="button"
          className={view.problemCount > 0 ? 'outline-problem-count' : 'outline-problem-count none'}
          data-testid="outline-problem-count"
          title={firstProblem ? '查看第一处编号问题' : '标题编号连续、格式正确'}
          disabled={!firstProblem}
          onClick={() => {
            if (!firstProblem) return;
            engine?.goTo(firstProblem.key, false);
            setProblemsOpen(firstProblem.key);
            setCollapsed((s) => new Set([...s].filter((k) => !ancestorsOf(byKey, firstProblem.key).includes(k))));
            ensureVisible(indexOf.get(firstProblem.key) ?? -1);
          }}
        >
          {view.problemCount > 0 ? `${view.problemCount} 处编号问题` : '编号无问题'}
        </button>
      )}
      <div
        className="outline-body"
        ref={bodyRef}
        role="tree"
        aria-label="文档结构"
        onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        onKeyDown={onKeyDown}
        onFocus={() => (paneFocused.current = true)}
        onBlur={(e) => {
          // Leaving for another element (the editor, a dialog); a moved row blurs with no target.
          if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) paneFocused.current = false;
        }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) clearDrop();
        }}
        onDrop={onDrop}
        onDragEnd={() => {
          clearDrop();
          dragKey.current = null;
        }}
      >
        {visible.length === 0 && <p className="pane-empty">文档中的 一、（一）1.（1） 标题将显示在这里。</p>}
        <div className="outline-rows" ref={rowsRef} style={{ height: visible.length * ROW_HEIGHT }}>
        {visible.slice(first, last).map((item, j) => {
          const i = first + j;
          const isCollapsed = collapsed.has(item.key);
          const tabbable = focusKey && indexOf.has(focusKey) ? item.key === focusKey : i === 0;
          return (
              <div
                key={item.key}
                role="treeitem"
                aria-level={item.depth + 1}
                aria-expanded={item.hasChildren ? !isCollapsed : undefined}
                aria-selected={item.key === focusKey}
                tabIndex={tabbable ? 0 : -1}
                draggable={item.kind === 'heading'}
                className={`outline-item kind-${item.kind} level-${item.level}`}
                style={{ top: i * ROW_HEIGHT, paddingLeft: 6 + item.depth * 14 }}
                data-testid={item.kind === 'suggestion' ? 'outline-suggestion' : 'outline-item'}
                data-outline-key={item.key}
                data-kind={item.kind}
                data-level={item.level}
                title={tooltipOf(item)}
                onFocus={() => setFocusKey(item.key)}
                onClick={() => engine?.goTo(item.key)}
              >
                {item.hasChildren ? (
                  <span
                    className="outline-twisty"
                    aria-hidden="true"
                    data-testid="outline-twisty"
                    onClick={(e) => {
                      e.stopPropagation();
                      toggle(item.key);
                    }}
                  >
                    {isCollapsed ? '▸' : '▾'}
                  </span>
                ) : (
                  <span className="outline-twisty" aria-hidden="true" />
                )}
                <span className="outline-text">
                  {item.number && <span className="outline-number">{item.number}</span>}
                  <span className="outline-title">{item.title || '（无标题）'}</span>
                </span>
                {item.kind === 'suggestion' ? (
                  <span className="outline-suggest">
                    <button
                      type="button"
                      className="outline-mini"
                      data-testid="outline-accept"
                      title={`设为${LEVEL_NAMES[item.level]}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        engine?.acceptSuggestion(item.key);
                      }}
                    >
                      设为标题
                    </button>
                    <button
                      type="button"
                      className="outline-mini"
                      title="不再建议"
                      aria-label="不再建议"
                      onClick={(e) => {
                        e.stopPropagation();
                        engine?.dismissSuggestion(item.key);
                      }}
                    >
                      ×
                    </button>
                  </span>
                ) : (
                  <span className="outline-count" data-testid="outline-count" title="本节字数" ref={countRef(item.key)} />
                )}
                {item.problems.length > 0 && (
                  <button
                    type="button"
                    className={`outline-problem ${item.problems.some((p) => p.severity === 'error') ? 'error' : 'warning'}`}
                    data-testid="outline-problem"
                    title={item.problems.map((p) => p.message).join('\n')}
                    aria-label={`编号问题：${item.problems.map((p) => p.message).join('；')}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      setProblemsOpen(problemsOpen === item.key ? null : item.key);
                    }}
                  >
                    !
                  </button>
                )}
              </div>
          );
        })}
        {openItem && (
          <div className="outline-problems" role="dialog" aria-label="编号问题" data-testid="outline-problems" style={{ top: ((indexOf.get(openItem.key) ?? 0) + 1) * ROW_HEIGHT }}>
            {openItem.problems.map((p) => (
              <div key={p.kind} className={`outline-problem-line ${p.severity}`}>
                <span>{p.message}</span>
                {p.fixLabel && (
                  <button
                    type="button"
                    className="outline-mini primary"
                    data-testid="outline-fix"
                    onClick={() => {
                      setProblemsOpen(null);
                      report(engine?.fix(openItem.key, p.kind));
                    }}
                  >
                    {p.fixLabel}
                  </button>
                )}
              </div>
            ))}
          </div>
        )}
        </div>

      </div>
    </aside>
  );
}
