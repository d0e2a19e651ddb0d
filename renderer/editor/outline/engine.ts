/**
 * The live outline of the editor's document. Keeps one BlockInfo per top-level block, keyed by
 * node key, and recomputes only the blocks the block index (../blockIndex.ts, shared with 字数)
 * says an update changed, undo and redo included. Typing
 * in body text changes only section counts (a few additions, written to the DOM by the
 * sidebar); the outline is rebuilt from the cached records only when a block's structure
 * changed or blocks were added, removed or moved. Nothing runs while an IME composition is open.
 *
 * Also carries out what the sidebar asks: go to a heading, move a section, promote or demote,
 * apply a checker fix, accept a suggested heading, renumber — each as one undo step, with the
 * numbering following the structure when auto-renumbering is on (also after typing, cutting or
 * pasting headings, merged into that edit's undo step).
 */
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  HISTORIC_TAG,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $isTableNode } from '@lexical/table';
import type { DocumentPart } from '../../../shared/model/parts';
import { describeParagraph, describeTable, onlyTitleTextChanged, sameStructure, type BlockInfo } from '../../../shared/outline/blocks';
import { checkOutline, type ProblemKind } from '../../../shared/outline/check';
import { buildOutline, type Outline } from '../../../shared/outline/outline';
import { continuousChainsOf, numberingSequences, renumberAfterEdit, renumberAll, snapshotSequences, type SequenceSnapshot, type TextEdit } from '../../../shared/outline/renumber';
import { orderAfterMove, planMove, planMoveBy, planSectionEdit, planShift, type DropPosition, type LevelChange, type Planned } from '../../../shared/outline/sections';
import { formatToAlign } from '../documentModel';
import { LOAD_TAG } from '../tags';
import { $isWgParagraphNode } from '../nodes/WgParagraphNode';
import { afterPaint } from '../status';
import { blockIndexOf, type BlockChanges } from '../blockIndex';
import { $joinFollowing, $reorderBlocks, $replaceText, $splitRunIn } from './nodeEdits';
import { $blockAtPoint, $blockKeys, $blockOf, $isBlock } from '../blocks';
import { activeSectionStore, outlineViewStore, partsViewStore, sectionCounts, typedTitles, type OutlineItem, type PartsView, type ProblemView } from './outlineStore';
import { anatomyOfOutline } from '../../../shared/anatomy/anatomy';

/** Updates made by the outline itself: never renumbered again by the listener. */
export const OUTLINE_TAG = 'wengao-outline';

/** Problems are checked when the structure has been still this long (they are not urgent). */
const CHECK_DELAY_MS = 250;

/**
 * Timing hook for `npm run bench -- outline`, off unless the page sets
 * `window.__wengaoOutlinePerf = { updates: [], frames: [], lexical: [] }`: time spent in the
 * update listener and in frame callbacks, the time from a keydown (`keyAt`, set by the bench)
 * to this listener, and a full re-outline on demand.
 */
interface OutlinePerf {
  updates: number[];
  frames: number[];
  lexical: number[];
  keyAt?: number;
  reoutline?: () => number;
}
const perfHook = () => (globalThis as { __wengaoOutlinePerf?: OutlinePerf }).__wengaoOutlinePerf;

function timed(fn: () => void): void {
  const perf = perfHook();
  if (!perf) return fn();
  const t0 = performance.now();
  fn();
  perf.frames.push(performance.now() - t0);
}

function describeNode(node: LexicalNode): BlockInfo {
  if ($isWgParagraphNode(node)) return describeParagraph(node.getTextContent(), node.getRole(), formatToAlign(node.getFormatType()) ?? null);
  if ($isTableNode(node)) return describeTable(node.getTextContent());
  return describeParagraph(node.getTextContent(), null);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

export class OutlineEngine {
  /** Renumber headings after structural edits (the autoRenumber setting). */
  autoRenumber = true;
  private keys: NodeKey[] = [];
  private index = new Map<NodeKey, number>();
  private infos = new Map<NodeKey, BlockInfo>();
  /** Blocks whose text the outline shows although they are not headings (title lines). */
  private titleText = new Set<NodeKey>();
  private outline: Outline = buildOutline([]);
  private counts: number[] = [];
  private snapshot: Map<string, SequenceSnapshot> = new Map();
  private chains = new Set<string>();
  /** The last check's problems by heading key: kept until the next check (no flicker meanwhile). */
  private problems = new Map<string, ProblemView[]>();
  private problemCount = 0;
  private dismissed = new Set<NodeKey>();
  /** Top-level blocks changed since the outline last caught up (kept during an IME composition). */
  private pendingBlocks = new Set<NodeKey>();
  private pendingRoot = false;
  private changedCounts = new Set<number>();
  private countsReset = true;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly publishView = afterPaint(() => timed(() => this.buildView()));
  private readonly publishCounts = afterPaint(() => timed(() => this.flushCounts()));
  private readonly publishActive = afterPaint(() => timed(() => this.updateActive()));
  private readonly publishTitles = afterPaint(() =>
    timed(() => {
      typedTitles.update(this.pendingTitles);
      this.pendingTitles = new Map();
    }),
  );
  private pendingTitles = new Map<string, string>();
  private broken = false;
  private viewItems = new Map<string, OutlineItem>();
  /** The parts published since the last rebuild (null: to compute at the next frame). */
  private publishedParts: PartsView | null = null;

  constructor(readonly editor: LexicalEditor) {}

  register(): () => void {
    this.full(this.editor.getEditorState(), true);
    // A bug in the outline must never break editing: log it and start afresh next time.
    const guarded = (fn: () => void) => (p: { editorState: EditorState }) => {
      try {
        if (this.broken) {
          this.broken = false;
          this.full(p.editorState, false, new Set([OUTLINE_TAG]));
        } else fn();
      } catch (e) {
        this.broken = true;
        console.error('[文档结构]', e);
      }
    };
    const offBlocks = blockIndexOf(this.editor).subscribe((c) => guarded(() => this.onBlocks(c))(c));
    // The caret's section follows every update, the selection-only ones too.
    const offCaret = this.editor.registerUpdateListener(() => this.publishActive.schedule());
    return () => {
      offBlocks();
      offCaret();
      this.publishView.cancel();
      this.publishCounts.cancel();
      this.publishActive.cancel();
      this.publishTitles.cancel();
      if (this.checkTimer) clearTimeout(this.checkTimer);
    };
  }

  // ---------------------------------------------------------------- keeping up with edits

  /** The blocks an update changed, from the block index (undo and redo included). */
  private onBlocks({ editorState, tags, changed, orderChanged }: BlockChanges): void {
    const perf = perfHook();
    const t0 = perf ? performance.now() : 0;
    if (perf) {
      perf.reoutline ??= () => this.timeFull();
      if (perf.keyAt !== undefined) perf.lexical.push(t0 - perf.keyAt);
      perf.keyAt = undefined;
    }
    if (tags.has(LOAD_TAG)) {
      this.full(editorState, true);
      return;
    }
    for (const k of changed) this.pendingBlocks.add(k);
    if (orderChanged) this.pendingRoot = true;
    const pending = this.pendingRoot || this.pendingBlocks.size > 0;
    // An open IME composition: remember what changed, do nothing until it is committed.
    if (pending && this.editor.isComposing()) return;
    if (pending) this.process(editorState, tags);
    if (perf) perf.updates.push(performance.now() - t0);
  }

  /**
   * Rebuilds everything from the editor state: a document loaded (`fresh`: suggestions the user
   * dismissed come back), undo/redo, the benchmark's full re-outline.
   */
  private full(state: EditorState, fresh: boolean, tags: ReadonlySet<string> = new Set([LOAD_TAG])): void {
    this.infos.clear();
    this.pendingBlocks.clear();
    this.pendingRoot = false;
    state.read(() => {
      this.keys = $blockKeys();
      for (const k of this.keys) this.infos.set(k, describeNode($getNodeByKey(k)!));
    });
    if (fresh) this.dismissed.clear();
    this.rebuild(tags);
  }

  private timeFull(): number {
    const t0 = performance.now();
    this.full(this.editor.getEditorState(), false);
    return performance.now() - t0;
  }

  private process(state: EditorState, tags: ReadonlySet<string>): void {
    let structural = false;
    const deltas: Array<[NodeKey, number]> = [];
    const titles: NodeKey[] = [];
    const justNumbered = new Set<NodeKey>();
    state.read(() => {
      const dirty = new Set<NodeKey>();
      if (this.pendingRoot) {
        const keys = $blockKeys();
        if (!sameKeys(keys, this.keys)) {
          structural = true;
          const live = new Set(keys);
          for (const k of this.keys) if (!live.has(k)) this.infos.delete(k);
          this.keys = keys;
          for (const k of keys) if (!this.infos.has(k)) dirty.add(k);
        }
      }
      for (const k of this.pendingBlocks) dirty.add(k);
      for (const k of dirty) {
        const node = $getNodeByKey(k);
        if (!node || !$isBlock(node)) continue;
        const info = describeNode(node);
        const prev = this.infos.get(k);
        this.infos.set(k, info);
        if (!prev) structural = true;
        else if (!sameStructure(prev, info, this.titleText.has(k))) {
          // Typing in a heading changes only its title: no rebuild, no re-render of the tree.
          if (this.showsTitleOf(k) && onlyTitleTextChanged(prev, info)) titles.push(k);
          else structural = true;
        } else if (info.longHeading && this.showsTitleOf(k) && this.outline.entries[this.titleEntryOf(k)]!.title !== info.longHeading.title) {
          titles.push(k); // a long numbered line shown as a heading (its run are headings)
        }
        if (prev && prev.words !== info.words) deltas.push([k, info.words - prev.words]);
        if (prev && !prev.blank && !prev.number && info.number) justNumbered.add(k);
      }
    });
    this.pendingBlocks.clear();
    this.pendingRoot = false;
    if (structural) return this.rebuild(tags, justNumbered);
    if (titles.length > 0) this.applyTitles(titles);
    if (deltas.length > 0) this.applyDeltas(deltas);
  }

  /** The entry whose title this block shows: a heading's own block, or a line of a title. */
  private titleEntryOf(key: NodeKey): number {
    const i = this.index.get(key);
    if (i === undefined) return -1;
    const id = this.outline.entryOfBlock[i]!;
    const e = id >= 0 ? this.outline.entries[id]! : null;
    if (!e) return -1;
    if (e.level === 0) return i < e.block + e.headBlocks ? id : -1;
    return e.block === i && e.headBlocks === 1 ? id : -1;
  }

  private showsTitleOf(key: NodeKey): boolean {
    return this.titleEntryOf(key) >= 0;
  }

  private applyTitles(keys: readonly NodeKey[]): void {
    for (const k of keys) {
      const id = this.titleEntryOf(k);
      const e = this.outline.entries[id]!;
      if (e.level === 0) {
        let title = '';
        for (let b = e.block; b < e.block + e.headBlocks; b++) title += this.infos.get(this.keys[b]!)!.short;
        e.title = title;
      } else {
        const info = this.infos.get(k)!;
        const h = (info.heading ?? info.longHeading)!;
        e.heading = h;
        e.title = h.title;
      }
      const entryKey = this.keyOfEntry(id);
      // The tree keeps its items; the changed title is written into its row directly.
      const item = this.viewItems.get(entryKey);
      if (item) item.title = e.title;
      this.pendingTitles.set(entryKey, e.title);
    }
    this.publishTitles.schedule();
    this.scheduleCheck();
  }

  /** Counts change by what was typed: the block's section and the sections around it. */
  private applyDeltas(deltas: Array<[NodeKey, number]>): void {
    const { entries, entryOfBlock } = this.outline;
    for (const [k, d] of deltas) {
      const i = this.index.get(k);
      if (i === undefined) continue;
      for (let e = entryOfBlock[i]!; e >= 0; e = entries[e]!.parent) {
        this.counts[e]! += d;
        this.changedCounts.add(e);
      }
    }
    this.publishCounts.schedule();
  }

  /** `justNumbered`: blocks of text that this edit put a number in front of. */
  private rebuild(tags: ReadonlySet<string>, justNumbered: ReadonlySet<NodeKey> = new Set()): void {
    const keys = this.keys;
    this.outline = buildOutline(keys.map((k) => this.infos.get(k)!));
    this.publishedParts = null;
    const { entries, continuation } = this.outline;
    this.index = new Map(keys.map((k, i) => [k, i]));
    this.titleText = new Set();
    for (const e of entries) if (e.level === 0) for (let b = e.block; b < e.block + e.headBlocks; b++) this.titleText.add(keys[b]!);
    continuation.forEach((c, b) => c && this.titleText.add(keys[b]!));
    this.counts = entries.map((e) => e.words);
    this.countsReset = true;

    const userEdit = !tags.has(LOAD_TAG) && !tags.has(HISTORIC_TAG) && !tags.has(OUTLINE_TAG);
    // A number still being typed is no heading yet: "1." on its way to "1.加强领导", or "3." typed
    // before existing text on its way to "3.5万元…". Its sequence waits, to be compared later with
    // what it was before.
    const waiting = new Map<string, SequenceSnapshot>();
    if (this.autoRenumber && userEdit) {
      const typing = (m: number) => entries[m]!.title === '' || justNumbered.has(keys[entries[m]!.block]!);
      const sequences = numberingSequences(this.outline, keys, this.chains);
      const ready = sequences.filter((seq) => {
        if (!seq.members.some(typing)) return true;
        const prev = this.snapshot.get(seq.id);
        if (prev) waiting.set(seq.id, prev);
        return false;
      });
      const edits = renumberAfterEdit(this.snapshot, this.outline, keys, ready, false);
      if (edits.length > 0) this.renumberAfterTyping(edits);
    }
    const sequences = numberingSequences(this.outline, keys);
    this.snapshot = snapshotSequences(this.outline, keys, sequences);
    for (const [id, prev] of waiting) this.snapshot.set(id, prev);
    this.chains = continuousChainsOf(sequences);

    this.publishView.schedule();
    this.publishCounts.schedule();
    this.publishActive.schedule();
    this.scheduleCheck();
  }

  /** Renumbering after the user typed, cut or pasted a heading: part of that edit's undo step. */
  private renumberAfterTyping(edits: TextEdit[]): void {
    const keys = this.keys;
    this.editor.update(() => $applyEdits(keys, edits), { tag: [HISTORY_MERGE_TAG, OUTLINE_TAG] });
  }

  private scheduleCheck(): void {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      if (this.editor.isComposing()) return this.scheduleCheck();
      const problems = new Map<string, ProblemView[]>();
      const found = checkOutline(this.outline);
      for (const p of found) {
        const key = this.keyOfEntry(p.entry);
        const list = problems.get(key) ?? [];
        list.push({ kind: p.kind, severity: p.severity, message: p.message, fixLabel: p.fixLabel });
        problems.set(key, list);
      }
      this.problems = problems;
      this.problemCount = found.length;
      this.publishView.schedule();
    }, CHECK_DELAY_MS);
  }

  // ---------------------------------------------------------------- publishing

  private keyOfEntry(id: number): string {
    return this.keys[this.outline.entries[id]!.block]!;
  }

  /** The parts of every paragraph (the anatomy of the outline just built), by key. */
  partsView(): PartsView {
    const anatomy = anatomyOfOutline(this.outline);
    const parts = new Map<string, DocumentPart>();
    const inferred = new Set<string>();
    const runIn = new Set<string>();
    anatomy.parts.forEach((part, i) => {
      if (part === 'body') return;
      const key = this.keys[i]!;
      parts.set(key, part);
      if (anatomy.inferred[i]) inferred.add(key);
      if (anatomy.headings[i]?.runIn) runIn.add(key);
    });
    return { parts, inferred, runIn, format: anatomy.format };
  }

  private buildView(): void {
    if (!this.publishedParts) {
      this.publishedParts = this.partsView();
      partsViewStore.set(this.publishedParts);
    }
    const { entries, suggestions } = this.outline;
    const depth = new Int32Array(entries.length);
    const items: OutlineItem[] = [];
    const withSuggestions = new Set<number>();
    const visible = suggestions.filter((s) => !this.dismissed.has(this.keys[s.block]!));
    for (const s of visible) if (s.parent >= 0) withSuggestions.add(s.parent);
    let si = 0;
    const pushSuggestionsBefore = (block: number) => {
      for (; si < visible.length && visible[si]!.block < block; si++) {
        const s = visible[si]!;
        items.push({
          key: this.keys[s.block]!,
          kind: 'suggestion',
          level: s.level,
          depth: s.parent >= 0 ? depth[s.parent]! + 1 : 0,
          number: '',
          title: s.title,
          runIn: true,
          parentKey: s.parent >= 0 ? this.keyOfEntry(s.parent) : null,
          hasChildren: false,
          problems: [],
        });
      }
    };
    for (const e of entries) {
      pushSuggestionsBefore(e.block);
      depth[e.id] = e.parent >= 0 ? depth[e.parent]! + 1 : 0;
      items.push({
        key: this.keyOfEntry(e.id),
        kind: e.level === 0 ? 'title' : 'heading',
        level: e.level,
        depth: depth[e.id]!,
        number: e.number,
        title: e.title,
        runIn: e.heading?.runIn ?? false,
        parentKey: e.parent >= 0 ? this.keyOfEntry(e.parent) : null,
        hasChildren: e.children.length > 0 || withSuggestions.has(e.id),
        problems: this.problems.get(this.keyOfEntry(e.id)) ?? [],
      });
    }
    pushSuggestionsBefore(Infinity);
    outlineViewStore.set({ items, problemCount: this.problemCount });
    // The items the tree shows (the store keeps the old ones when nothing visible changed).
    this.viewItems = new Map(outlineViewStore.get().items.map((i) => [i.key, i]));
  }

  private flushCounts(): void {
    if (this.countsReset) {
      this.countsReset = false;
      this.changedCounts.clear();
      sectionCounts.reset(new Map(this.outline.entries.map((e) => [this.keyOfEntry(e.id), this.counts[e.id]!])));
      return;
    }
    const changed = new Map<string, number>();
    for (const id of this.changedCounts) changed.set(this.keyOfEntry(id), this.counts[id]!);
    this.changedCounts.clear();
    sectionCounts.update(changed);
  }

  /** The index of the block holding the caret, or -1. */
  private caretBlock(): number {
    return this.editor.getEditorState().read(() => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return -1;
      const node = sel.anchor.getNode();
      const block = $blockOf(node) ?? $blockAtPoint(node, sel.anchor.offset);
      return block ? (this.index.get(block.getKey()) ?? -1) : -1;
    });
  }

  private updateActive(): void {
    const b = this.caretBlock();
    if (b < 0) return;
    const e = this.outline.entryOfBlock[b]!;
    activeSectionStore.set(e >= 0 ? this.keyOfEntry(e) : null);
  }

  // ---------------------------------------------------------------- what the sidebar asks

  /** The entry whose heading starts at this block key, or -1. */
  private entryOf(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) return -1;
    const e = this.outline.entryOfBlock[i]!;
    return e >= 0 && this.outline.entries[e]!.block === i ? e : -1;
  }

  /** The heading the caret is in (its block is the heading), or null. */
  headingAtCaret(): string | null {
    const b = this.caretBlock();
    if (b < 0) return null;
    const e = this.outline.entryOfBlock[b]!;
    if (e < 0) return null;
    const entry = this.outline.entries[e]!;
    return b >= entry.block && b < entry.block + entry.headBlocks ? this.keys[entry.block]! : null;
  }

  /** Scrolls to a heading (or any block) and puts the caret at its start; focuses the editor unless told not to. */
  goTo(key: string, focusEditor = true): void {
    const root = this.editor.getRootElement();
    if (focusEditor) root?.focus({ preventScroll: true });
    this.editor.update(
      () => {
        const node = $getNodeByKey(key);
        if ($isWgParagraphNode(node)) node.selectStart();
      },
      { tag: focusEditor ? [] : [SKIP_DOM_SELECTION_TAG], discrete: true },
    );
    this.editor.getElementByKey(key)?.scrollIntoView({ block: 'start' });
    this.publishActive.schedule();
  }

  /** Moves a section before, after or into another. Returns why it cannot, or null. */
  move(key: string, targetKey: string, position: DropPosition): string | null {
    const planned = planMove(this.outline, this.entryOf(key), this.entryOf(targetKey), position);
    if (!planned) return null;
    if (!planned.ok) return planned.reason;
    this.applyPlan(orderAfterMove(this.keys.length, planned.plan), planned.plan.changes);
    return null;
  }

  /** Moves a section above its previous or below its next sibling. */
  moveBy(key: string, direction: -1 | 1): string | null {
    return this.carryOut(planMoveBy(this.outline, this.entryOf(key), direction), (plan) => this.applyPlan(orderAfterMove(this.keys.length, plan), plan.changes));
  }

  /** Promotes (−1) or demotes (+1) a heading with its subheadings. */
  shift(key: string, delta: -1 | 1): string | null {
    return this.carryOut(planShift(this.outline, this.entryOf(key), delta), (changes) => this.applyPlan(this.identity(), changes));
  }

  /** Applies the fix of a problem the sidebar shows. Returns why it cannot, or null. */
  fix(key: string, kind: ProblemKind): string | null {
    const id = this.entryOf(key);
    const problem = checkOutline(this.outline).find((p) => p.entry === id && p.kind === kind);
    const fix = problem?.fix;
    if (!fix) return '这个问题已经不存在了。';
    const keys = this.keys;
    switch (fix.kind) {
      case 'edits':
        this.edit(() => $applyEdits(keys, fix.edits));
        return null;
      case 'shift':
        return this.carryOut(planShift(this.outline, fix.entries, fix.delta), (changes) => this.applyPlan(this.identity(), changes));
      case 'split':
        this.edit(() => {
          const node = $getNodeByKey(keys[fix.block]!);
          if ($isWgParagraphNode(node)) $splitRunIn(node, fix.titleEnd, fix.bodyStart);
        });
        return null;
      case 'merge':
        this.edit(() => {
          const node = $getNodeByKey(keys[fix.block]!);
          if ($isWgParagraphNode(node)) $joinFollowing(node, fix.count);
        });
        return null;
    }
  }

  /** Makes a suggested lead a heading of the level the outline proposes. */
  acceptSuggestion(key: string): void {
    const i = this.index.get(key);
    const s = this.outline.suggestions.find((x) => x.block === i);
    if (!s) return;
    this.edit(() => {
      const node = $getNodeByKey(key);
      if ($isWgParagraphNode(node)) node.setRole(`heading${s.level}`);
    });
  }

  dismissSuggestion(key: string): void {
    this.dismissed.add(key);
    this.publishView.schedule();
  }

  /** Renumbers every heading sequence of the document (重新编号). */
  renumber(): number {
    const edits = renumberAll(this.outline);
    const keys = this.keys;
    if (edits.length > 0) this.edit(() => $applyEdits(keys, edits));
    return edits.length;
  }

  private identity(): number[] {
    return this.keys.map((_, i) => i);
  }

  private carryOut<T>(planned: Planned<T>, run: (plan: T) => void): string | null {
    if (!planned.ok) return planned.reason;
    run(planned.plan);
    return null;
  }

  /** One undo step, made by the outline (not renumbered again), keeping the focus where it is. */
  private edit(fn: () => void): void {
    this.editor.update(fn, { tag: [HISTORY_PUSH_TAG, OUTLINE_TAG, SKIP_DOM_SELECTION_TAG], discrete: true });
  }

  private applyPlan(order: number[], changes: LevelChange[]): void {
    const keys = this.keys;
    const infos = keys.map((k) => this.infos.get(k)!);
    const auto = this.autoRenumber;
    this.edit(() => {
      const plan = planSectionEdit(infos, keys, (b) => $getNodeByKey(keys[b]!)?.getTextContent() ?? '', order, changes, auto);
      const newKeys = plan.order.map((i) => keys[i]!);
      $reorderBlocks(newKeys, (k) => $getNodeByKey(k));
      for (const r of plan.roles) {
        const node = $getNodeByKey(newKeys[r.block]!);
        if ($isWgParagraphNode(node)) node.setRole(r.role);
      }
      $applyEdits(newKeys, plan.edits);
    });
  }
}

/** Applies text edits given by block index (into `keys`), last offset first within a block. */
function $applyEdits(keys: readonly NodeKey[], edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.block - b.block || b.start - a.start);
  for (const e of sorted) {
    const node = $getNodeByKey(keys[e.block]!);
    if ($isWgParagraphNode(node)) $replaceText(node, e.start, e.end, e.text);
  }
}
