/**
 * 校对: findings of shared/proofread underlined in the text (CSS Custom Highlights: DOM-only, never
 * in the editor state or the undo history), and the 校对 panel listing them by kind with counts.
 * Click a finding to go there; 改为… applies its fix as one undo step; 忽略 hides it this session,
 * 总是忽略 stores it in the settings. Checking runs in an idle callback after typing stops, never
 * during an IME composition, and re-checks only the paragraphs that changed (the Proofreader's cache).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $setSelection, HISTORY_PUSH_TAG, type LexicalEditor, type TextNode } from 'lexical';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProofreadSettings } from '../../../shared/settings';
import { BUILTIN_TIFA, CATEGORY_LABELS, PROOF_CATEGORIES, Proofreader, mergeTifa, proofreadDocument, type TifaData, type DocFinding, type ProofCategory } from '../../../shared/proofread';
import { api } from '../../api';
import { $exportDocument } from '../documentModel';
import { GHOST_ATTRIBUTE } from '../suggest/ghostText';
import type { ProofreadRequest, ProofreadResponse } from './proofread.worker';
import { findingsAtCaret } from './caretFinding';

const IDLE_DELAY_MS = 400;
const ignoreKey = (f: DocFinding) => `${f.rule}|${f.text}`.slice(0, 200);

/** DOM ranges of a finding inside its paragraph's element (text nodes in order, the ghost skipped). */
function domRange(editor: LexicalEditor, blockKey: string, start: number, end: number, text: string): Range | null {
  const el = editor.getElementByKey(blockKey);
  if (!el) return null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(`[${GHOST_ATTRIBUTE}]`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!started && start <= at + len) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(n, end - at);
      return range.toString() === text ? range : null; // the text changed since the check
    }
    at += len;
  }
  return null;
}

/** Selects [start, end) of the top-level block at `index` (inside an update). */
function $selectSpan(index: number, start: number, end: number): boolean {
  const block = $getRoot().getChildAtIndex(index);
  if (!block || !$isElementNode(block)) return false;
  const texts = block.getAllTextNodes();
  let at = 0;
  let anchor: [TextNode, number] | null = null;
  let focus: [TextNode, number] | null = null;
  for (const t of texts) {
    const len = t.getTextContentSize();
    if (!anchor && start <= at + len) anchor = [t, start - at];
    if (anchor && end <= at + len) {
      focus = [t, end - at];
      break;
    }
    at += len;
  }
  if (!anchor || !focus || !$isTextNode(anchor[0])) return false;
  const sel = $createRangeSelection();
  sel.anchor.set(anchor[0].getKey(), anchor[1], 'text');
  sel.focus.set(focus[0].getKey(), focus[1], 'text');
  $setSelection(sel);
  return true;
}

export function ProofreadPanel({ settings, onChange, onClose }: { settings: ProofreadSettings; onChange: (s: ProofreadSettings) => void; onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [findings, setFindings] = useState<DocFinding[]>([]);
  const [keys, setKeys] = useState<string[]>([]);
  const [ignoredOnce, setIgnoredOnce] = useState<Set<string>>(new Set());
  const proofreader = useRef(new Proofreader());
  const [userData, setUserData] = useState<{ path: string; data: TifaData | null; error: string | null } | null>(null);
  const userTifa = useRef<TifaData | null>(null);
  useEffect(() => {
    api.getProofreadData().then((d) => {
      userTifa.current = d.data;
      proofreader.current.setTifa(mergeTifa(BUILTIN_TIFA, d.data));
      setUserData(d);
    }, () => setUserData(null));
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    let latest = 0;
    let pendingKeys: string[] = [];
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL('./proofread.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<ProofreadResponse>) => {
        if (e.data.id !== latest) return; // a newer check is on its way
        setFindings(e.data.findings);
        setKeys(pendingKeys);
      };
    } catch {
      worker = null; // no workers here: check in the idle callback instead
    }
    const run = () => {
      idle = null;
      if (editor.isComposing()) return schedule();
      const { doc, blockKeys } = editor.getEditorState().read(() => ({ doc: $exportDocument(), blockKeys: $getRoot().getChildren().map((c) => c.getKey()) }));
      latest++;
      pendingKeys = blockKeys;
      if (worker) worker.postMessage({ id: latest, doc, userTifa: userTifa.current } satisfies ProofreadRequest);
      else {
        setFindings(proofreadDocument(doc, proofreader.current));
        setKeys(blockKeys);
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : (setTimeout(run, 0) as unknown as number);
      }, IDLE_DELAY_MS);
    };
    schedule();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      schedule();
    });
    return () => {
      off();
      worker?.terminate();
      if (timer) clearTimeout(timer);
      if (idle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    };
  }, [editor]);

  const shown = useMemo(() => {
    const off = new Set(settings.off);
    const always = new Set(settings.ignored);
    return findings.filter((f) => !off.has(f.category) && !always.has(ignoreKey(f)) && !ignoredOnce.has(`${keys[f.block]}|${f.start}|${ignoreKey(f)}`));
  }, [findings, settings, ignoredOnce, keys]);

  // Underlines: one highlight per kind, rebuilt when the findings change (never in the editor state).
  useEffect(() => {
    const registry = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    if (!registry || typeof Highlight === 'undefined') return;
    const byKind = new Map<ProofCategory, Range[]>();
    for (const f of shown) {
      const key = keys[f.block];
      const r = key && f.end > f.start ? domRange(editor, key, f.start, f.end, f.text) : null;
      if (r) (byKind.get(f.category) ?? byKind.set(f.category, []).get(f.category)!).push(r);
    }
    for (const kind of PROOF_CATEGORIES) {
      const ranges = byKind.get(kind);
      if (ranges?.length) registry.set(`proof-${kind}`, new Highlight(...ranges));
      else registry.delete(`proof-${kind}`);
    }
    return () => {
      for (const kind of PROOF_CATEGORIES) registry.delete(`proof-${kind}`);
    };
  }, [shown, keys, editor]);

  const go = (f: DocFinding) => {
    editor.update(() => {
      $selectSpan(f.block, f.start, f.end);
    });
    const key = keys[f.block];
    if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  const apply = (f: DocFinding) => {
    if (f.suggestion === null) return;
    // One update, its own history entry: one Ctrl+Z undoes the fix.
    editor.update(
      () => {
        const block = $getRoot().getChildAtIndex(f.block);
        if (!block || block.getTextContent().slice(f.start, f.end) !== f.text) return;
        if (!$selectSpan(f.block, f.start, f.end)) return;
        const sel = $getSelection();
        if ($isRangeSelection(sel)) sel.insertText(f.suggestion!);
      },
      { tag: HISTORY_PUSH_TAG },
    );
  };

  const ignoreOnce = (f: DocFinding) => setIgnoredOnce((s) => new Set(s).add(`${keys[f.block]}|${f.start}|${ignoreKey(f)}`));

  // What the right-click menu offers for the finding under the caret.
  useEffect(() => {
    findingsAtCaret.set({
      at: (blockKey, offset) => {
        const block = keys.indexOf(blockKey);
        return shown.find((f) => f.block === block && f.start <= offset && offset <= f.end && f.end > f.start) ?? null;
      },
      fix: apply,
      ignore: ignoreOnce,
    });
    return () => findingsAtCaret.set(null);
  });

  const counts = new Map<ProofCategory, number>();
  for (const f of shown) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  return (
    <aside className="proofread-pane" data-testid="proofread-panel" aria-label="校对">
      <div className="outline-header">
        <strong>校对</strong>
        <span data-testid="proofread-count">{shown.length} 处</span>
        <span className="status-spacer" />
        <button type="button" onClick={onClose} title="关闭校对">×</button>
      </div>
      <details className="proofread-options">
        <summary>选项：检查的种类</summary>
        {PROOF_CATEGORIES.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={!settings.off.includes(kind)}
              onChange={(e) => onChange({ ...settings, off: e.target.checked ? settings.off.filter((k) => k !== kind) : [...settings.off, kind] })}
            />
            {CATEGORY_LABELS[kind]}
          </label>
        ))}
        {settings.ignored.length > 0 && (
          <button type="button" onClick={() => onChange({ ...settings, ignored: [] })}>
            清除“总是忽略”（{settings.ignored.length}）
          </button>
        )}
        <p className="proofread-data" data-testid="proofread-data-date">
          提法库：内置 {BUILTIN_TIFA.date}
          {userData?.data ? `；用户增补 ${userData.data.date}（${userData.path}）` : userData ? `；可在 ${userData.path} 增补` : ''}
          {userData?.error ? `；${userData.error}` : ''}
        </p>
      </details>
      <div className="proofread-body">
        {shown.length === 0 && <p className="proofread-empty">未发现问题。</p>}
        {PROOF_CATEGORIES.filter((k) => counts.has(k)).map((kind) => (
          <section key={kind} data-kind={kind}>
            <h4 className={`proof-kind proof-kind-${kind}`}>
              {CATEGORY_LABELS[kind]} <span data-testid={`proofread-kind-${kind}`}>{counts.get(kind)}</span>
            </h4>
            <ul>
              {shown
                .filter((f) => f.category === kind)
                .map((f) => (
                  <li key={`${keys[f.block]}|${f.start}|${f.rule}`} data-testid="proofread-item">
                    <button type="button" className="proof-go" onClick={() => go(f)} title="转到">
                      <span className="proof-text">“{f.text || '（此处）'}”</span>
                      <span className={`proof-authority proof-authority-${f.authority}`}>{f.authority}</span>
                      <span className="proof-message">{f.message}</span>
                    </button>
                    <span className="proof-actions">
                      {f.suggestion !== null && (
                        <button type="button" data-testid="proofread-fix" onClick={() => apply(f)}>
                          {f.suggestion === '' ? '删除' : `改为“${f.suggestion}”`}
                        </button>
                      )}
                      <button type="button" onClick={() => ignoreOnce(f)}>忽略</button>
                      <button type="button" onClick={() => onChange({ ...settings, ignored: [...settings.ignored, ignoreKey(f)].slice(-2000) })}>总是忽略</button>
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
