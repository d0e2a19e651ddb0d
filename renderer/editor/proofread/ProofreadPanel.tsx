/**
 * 校对: findings of shared/proofread underlined in the text (CSS Custom Highlights: DOM-only, never
 * in the editor state or the undo history), and the 校对 panel listing them by kind with counts.
 * Click a finding to go there; 改为… applies its fix as one undo step; 忽略 hides it this session,
 * 总是忽略 stores it in the settings. Checking runs in an idle callback after typing stops, never
 * during an IME composition: the panel posts the worker only the paragraphs that changed
 * (documentMirror.ts), the worker re-checks only those (the Proofreader's cache) and the
 * document-level rules on its whole copy, and the panel then remakes only the underlines and
 * list entries of the paragraphs whose findings changed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $getNodeByKey, $getSelection, $isElementNode, $isRangeSelection, $setSelection, HISTORY_PUSH_TAG } from 'lexical';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ProofreadSettings } from '../../../shared/settings';
import { $textSpan } from '../textPieces';
import type { TifaData } from '../../../shared/proofread/tifaData';
import { CATEGORY_LABELS, PROOF_CATEGORIES, type DocFinding, type ProofCategory } from '../../../shared/proofread/types';
import builtinTifa from '../../../shared/proofread/data/tifa.json';
import type { WgDocument } from '../../../shared/model/document';
import { api } from '../../api';
import { blockIndexOf } from '../blockIndex';
import { blockModelsOf, documentOf } from '../blockModels';
import { ChangeFeed } from './documentMirror';
import type { ProofreadRequest, ProofreadResponse } from './proofread.worker';
import { findingsAtCaret, type PanelFinding } from './caretFinding';
import { Underlines } from './underlines';

const IDLE_DELAY_MS = 400;

/** Runs `fn` when the page is idle (at the latest after `timeout` ms). */
function whenIdle(fn: () => void, timeout = 500): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : (setTimeout(fn, 0) as unknown as number);
}
function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
/** Entries added to the list at a time: a long first list is rendered in idle slices, not in one go between two keystrokes. */
const LIST_SLICE = 40;

/** How many of `total` entries to render: one slice more each time the page is idle, until all are. */
function useListedSlices(total: number): number {
  const [listed, setListed] = useState(LIST_SLICE);
  useEffect(() => {
    if (listed >= total) return;
    const handle = whenIdle(() => setListed((n) => n + LIST_SLICE));
    return () => cancelIdle(handle);
  }, [listed, total]);
  return listed;
}

const ignoreKey = (f: PanelFinding) => `${f.rule}|${f.text}`.slice(0, 200);
const onceKey = (f: PanelFinding) => `${f.blockKey}|${f.start}|${ignoreKey(f)}`;

/**
 * The findings of a check, each named by its paragraph's key; a finding that was there before,
 * unchanged, keeps its object, so its list entry is not rendered again.
 */
function keyedFindings(findings: readonly DocFinding[], keys: readonly string[], before: ReadonlyMap<string, PanelFinding>): PanelFinding[] {
  const out: PanelFinding[] = [];
  for (const { block, ...f } of findings) {
    const blockKey = keys[block];
    if (blockKey === undefined) continue;
    const id = `${blockKey}|${f.start}|${f.end}|${f.rule}|${f.text}|${f.category}|${f.authority}|${f.suggestion ?? '\u0000'}|${f.message}`;
    out.push(before.get(id) ?? { ...f, blockKey, id });
  }
  return out;
}

/** Selects [start, end) of the paragraph with this key (inside an update). */
function $selectSpan(blockKey: string, start: number, end: number): boolean {
  const block = $getNodeByKey(blockKey);
  if (!block || !$isElementNode(block)) return false;
  // Offsets count an equation's text, as the model does; a span inside one cannot be selected.
  const span = $textSpan(block, start, end);
  if (!span) return false;
  const { anchor, focus } = span;
  const sel = $createRangeSelection();
  sel.anchor.set(anchor[0].getKey(), anchor[1], 'text');
  sel.focus.set(focus[0].getKey(), focus[1], 'text');
  $setSelection(sel);
  return true;
}

interface FindingActions {
  go(f: PanelFinding): void;
  fix(f: PanelFinding): void;
  ignoreOnce(f: PanelFinding): void;
  ignoreAlways(f: PanelFinding): void;
}

/** One entry of the list; rendered again only when its finding changed (a new object). */
const FindingItem = memo(function FindingItem({ f, actions }: { f: PanelFinding; actions: FindingActions }) {
  return (
    <li data-testid="proofread-item">
      <button type="button" className="proof-go" onClick={() => actions.go(f)} title="转到">
        <span className="proof-text">“{f.text || '（此处）'}”</span>
        <span className={`proof-authority proof-authority-${f.authority}`}>{f.authority}</span>
        <span className="proof-message">{f.message}</span>
      </button>
      <span className="proof-actions">
        {f.suggestion !== null && (
          <button type="button" data-testid="proofread-fix" onClick={() => actions.fix(f)}>
            {f.suggestion === '' ? '删除' : `改为“${f.suggestion}”`}
          </button>
        )}
        <button type="button" onClick={() => actions.ignoreOnce(f)}>忽略</button>
        <button type="button" onClick={() => actions.ignoreAlways(f)}>总是忽略</button>
      </span>
    </li>
  );
});

export function ProofreadPanel({ settings, onChange, onClose }: { settings: ProofreadSettings; onChange: (s: ProofreadSettings) => void; onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [findings, setFindings] = useState<PanelFinding[]>([]);
  const [ignoredOnce, setIgnoredOnce] = useState<Set<string>>(new Set());
  const [userData, setUserData] = useState<{ path: string; data: TifaData | null; error: string | null } | null>(null);
  /** The user's 提法 data and a version that changes with it (the worker is sent it again then). */
  const userTifa = useRef<{ data: TifaData | null; version: number }>({ data: null, version: 0 });
  useEffect(() => {
    api.getProofreadData().then((d) => {
      userTifa.current = { data: d.data, version: userTifa.current.version + 1 };
      setUserData(d);
    }, () => setUserData(null));
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    let latest = 0;
    let pendingKeys: string[] = [];
    let tifaSent = 0;
    const feed = new ChangeFeed();
    const models = blockModelsOf(editor);
    /** The findings shown, by id: an unchanged finding keeps its object. */
    let byId = new Map<string, PanelFinding>();
    const publish = (found: readonly DocFinding[], keys: readonly string[]) => {
      const next = keyedFindings(found, keys, byId);
      byId = new Map(next.map((f) => [f.id, f]));
      setFindings(next);
    };
    // The worker's answer is shown when the page is idle too (typing may have started again).
    let shownIdle: number | null = null;
    const publishWhenIdle = (found: readonly DocFinding[], keys: readonly string[]) => {
      if (shownIdle !== null) cancelIdle(shownIdle);
      shownIdle = whenIdle(() => {
        shownIdle = null;
        publish(found, keys);
      });
    };
    /**
     * Where no worker can run, the checker runs here, loaded on first use: the checker and its
     * lexicon are the worker's (half a megabyte), not part of the panel's code.
     */
    let local: Promise<(doc: WgDocument) => DocFinding[]> | null = null;
    const checkHere = () =>
      (local ??= import('../../../shared/proofread').then((p) => {
        const proofreader = new p.Proofreader();
        let tifaVersion = 0; // the built-in data only, as a new Proofreader has
        return (doc: WgDocument) => {
          const tifa = userTifa.current;
          if (tifa.version !== tifaVersion) proofreader.setTifa(p.mergeTifa(p.BUILTIN_TIFA, tifa.data));
          tifaVersion = tifa.version;
          return p.proofreadDocument(doc, proofreader);
        };
      }));
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL('./proofread.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<ProofreadResponse>) => {
        if (e.data.resend) {
          // The worker lost its copy: everything goes with the next check.
          feed.reset();
          tifaSent = -1;
          if (e.data.id === latest) schedule();
          return;
        }
        if (e.data.id !== latest) return; // a newer check is on its way
        publishWhenIdle(e.data.findings, pendingKeys);
      };
    } catch {
      worker = null; // no workers here: check in the idle callback instead
    }
    const run = () => {
      idle = null;
      if (editor.isComposing()) return schedule();
      // Only the paragraphs changed since the last check are read from the editor.
      const snapshot = models.read();
      latest++;
      pendingKeys = snapshot.models.map((m) => m.key);
      if (worker) {
        const tifa = userTifa.current;
        const request: ProofreadRequest = { id: latest, changes: feed.next(snapshot), tifaVersion: tifa.version };
        if (tifaSent !== tifa.version) {
          request.userTifa = tifa.data;
          tifaSent = tifa.version;
        }
        worker.postMessage(request);
      } else {
        const [id, keys, doc] = [latest, pendingKeys, documentOf(snapshot)];
        void checkHere().then((check) => {
          if (id === latest) publish(check(doc), keys);
        });
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        idle = whenIdle(run, 2000);
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
      if (idle !== null) cancelIdle(idle);
      if (shownIdle !== null) cancelIdle(shownIdle);
    };
  }, [editor]);

  const shown = useMemo(() => {
    const off = new Set(settings.off);
    const always = new Set(settings.ignored);
    return findings.filter((f) => !off.has(f.category) && !always.has(ignoreKey(f)) && !ignoredOnce.has(onceKey(f)));
  }, [findings, settings, ignoredOnce]);

  // Underlines: remade only for the paragraphs whose findings or text changed (never in the editor state).
  const underlines = useMemo(() => new Underlines(editor), [editor]);
  useEffect(() => {
    const off = blockIndexOf(editor).subscribe(({ changed, removed }) => {
      underlines.invalidate(changed);
      underlines.invalidate(removed);
    });
    return () => {
      off();
      underlines.clear();
    };
  }, [editor, underlines]);
  useEffect(() => underlines.show(shown), [shown, underlines]);

  const go = (f: PanelFinding) => {
    editor.update(() => {
      $selectSpan(f.blockKey, f.start, f.end);
    });
    editor.getElementByKey(f.blockKey)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  const apply = (f: PanelFinding) => {
    if (f.suggestion === null) return;
    // One update, its own history entry: one Ctrl+Z undoes the fix.
    editor.update(
      () => {
        const block = $getNodeByKey(f.blockKey);
        if (!block || block.getTextContent().slice(f.start, f.end) !== f.text) return;
        if (!$selectSpan(f.blockKey, f.start, f.end)) return;
        const sel = $getSelection();
        if ($isRangeSelection(sel)) sel.insertText(f.suggestion!);
      },
      { tag: HISTORY_PUSH_TAG },
    );
  };

  const ignoreOnce = (f: PanelFinding) => setIgnoredOnce((s) => new Set(s).add(onceKey(f)));

  // The list's entries get one set of actions for the panel's life (they read the latest settings).
  const latestSettings = useRef({ settings, onChange });
  latestSettings.current = { settings, onChange };
  const actions = useMemo<FindingActions>(
    () => ({
      go,
      fix: apply,
      ignoreOnce,
      ignoreAlways: (f) => {
        const { settings: s, onChange: change } = latestSettings.current;
        change({ ...s, ignored: [...s.ignored, ignoreKey(f)].slice(-2000) });
      },
    }),
    // go, apply and ignoreOnce use only the editor and state setters, which do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor],
  );

  // What the right-click menu offers for the finding under the caret.
  useEffect(() => {
    findingsAtCaret.set({
      at: (blockKey, offset) => shown.find((f) => f.blockKey === blockKey && f.start <= offset && offset <= f.end && f.end > f.start) ?? null,
      fix: apply,
      ignore: ignoreOnce,
    });
    return () => findingsAtCaret.set(null);
  });

  const counts = new Map<ProofCategory, number>();
  for (const f of shown) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  const listed = useListedSlices(shown.length);
  // The entries in the order shown (by kind), the first `listed` of them rendered.
  let left = listed;
  const sections = PROOF_CATEGORIES.filter((k) => counts.has(k)).map((kind) => {
    const items = left > 0 ? shown.filter((f) => f.category === kind).slice(0, left) : [];
    left -= items.length;
    return { kind, items };
  });
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
          提法库：内置 {builtinTifa.date}
          {userData?.data ? `；用户增补 ${userData.data.date}（${userData.path}）` : userData ? `；可在 ${userData.path} 增补` : ''}
          {userData?.error ? `；${userData.error}` : ''}
        </p>
      </details>
      <div className="proofread-body">
        {shown.length === 0 && <p className="proofread-empty">未发现问题。</p>}
        {sections.map(({ kind, items }) => (
          <section key={kind} data-kind={kind}>
            <h4 className={`proof-kind proof-kind-${kind}`}>
              {CATEGORY_LABELS[kind]} <span data-testid={`proofread-kind-${kind}`}>{counts.get(kind)}</span>
            </h4>
            <ul>
              {items.map((f) => (
                <FindingItem key={`${f.blockKey}|${f.start}|${f.rule}`} f={f} actions={actions} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
