// @vitest-environment happy-dom
/**
 * Differential fuzz of the block groups (BlockGroupNode): the app's editor, its ~300 paragraphs
 * held in groups of GROUP_SIZE, and a flat reference editor of stock Lexical holding the same
 * paragraphs straight in the root get the same seeded run of edits — typing, Enter, Backspace,
 * Delete, deleting a range or whole blocks, a multi-paragraph paste, select all and type, undo,
 * redo — aimed mostly at the groups' edges. After every edit both must hold the same paragraphs
 * (text and alignment) with the caret/selection at the same (block, offset), and the groups must
 * be well formed, and the grouped editor's DOM (happy-dom: Lexical's reconciler moves blocks'
 * elements between groups) must show the same paragraphs. 5 seeds × 300 edits, ~20 s. A failure prints the seed and the edits so far (JSON):
 * `replay` them in an it() of their own to make it small.
 */
import fs from 'node:fs';
import path from 'node:path';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  $parseSerializedNode,
  $selectAll,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  DELETE_CHARACTER_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  HISTORIC_TAG,
  REDO_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  UNDO_COMMAND,
  createEditor,
  type ElementNode,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
  type RangeSelection,
  type SerializedLexicalNode,
} from 'lexical';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import type { WgDocument } from '../../../shared/model/document';
import { $blockKeys, $blocks } from '../../../renderer/editor/blocks';
import { $reorderBlocks } from '../../../renderer/editor/outline/nodeEdits';
import { $isBlockGroupNode, GROUP_SIZE } from '../../../renderer/editor/nodes/BlockGroupNode';
import { blockGroupProblems, headlessEditor, load } from './editorHarness';
import { seededRandom } from '../../support/seeded';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const PARAGRAPHS = 6 * GROUP_SIZE;
/** Edits per seed (with the DOM kept by happy-dom: ~4 s a seed). */
const OPS = 300;
const ALIGNS = [undefined, 'center', 'right', 'justify'] as const;

let report: WgDocument;
/** Characters typed and pasted: the corpus's own, with some ASCII. */
let alphabet: string[];

beforeAll(async () => {
  const blocks = [];
  for (const dir of ['gov', 'seeds']) {
    for (const name of fs.readdirSync(path.join(CORPUS, dir)).filter((n) => n.endsWith('.txt')).sort()) {
      blocks.push(...(await readDocumentFile(path.join(CORPUS, dir, name))).doc.blocks);
    }
  }
  // Alignments a user sees tell the paragraphs apart beyond their text (which one survives a
  // join); roles go: Enter after one starts a plain paragraph, which stock Lexical cannot know.
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').slice(0, PARAGRAPHS);
  report = { meta: {}, blocks: paragraphs.map((p, i) => ({ ...p, role: undefined, align: ALIGNS[i % ALIGNS.length] })) };
  const chars = new Set<string>();
  for (const b of report.blocks) if (b.type === 'paragraph') for (const r of b.runs) for (const c of r.text) if (c > ' ') chars.add(c);
  alphabet = [...chars, ...'abcXYZ019 .,'];
});

// ——— The two editors ———

interface Side {
  editor: LexicalEditor;
  /** The document's blocks, in order (inside an update or a read). */
  $blocks(): LexicalNode[];
  /** A node whose element points stand between blocks (the root; in the grouped editor, a group too). */
  isContainer(node: LexicalNode): boolean;
  can: { undo: boolean; redo: boolean };
}

function trackHistory(editor: LexicalEditor): Side['can'] {
  const can = { undo: false, redo: false };
  editor.registerCommand(CAN_UNDO_COMMAND, (c) => ((can.undo = c), false), COMMAND_PRIORITY_CRITICAL);
  editor.registerCommand(CAN_REDO_COMMAND, (c) => ((can.redo = c), false), COMMAND_PRIORITY_CRITICAL);
  return can;
}

/** Gives the editor a page element: from now on Lexical's reconciler keeps a DOM of it. */
function attach(editor: LexicalEditor): void {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor.setRootElement(root);
}

/** The app's editor: groups. */
function grouped(): Side {
  const editor = headlessEditor(true);
  const can = trackHistory(editor);
  load(editor, report);
  attach(editor);
  return { editor, $blocks, isContainer: (n) => $isRootNode(n) || $isBlockGroupNode(n), can };
}

/** Stock Lexical, the same paragraphs (text, tabs, formats, alignment) straight in the root. */
function flat(from: LexicalEditor): Side {
  const editor = createEditor({
    namespace: 'flat',
    onError: (e) => {
      throw e;
    },
  });
  registerHistory(editor, createEmptyHistoryState(), 0);
  const can = trackHistory(editor);
  const json = from.getEditorState().toJSON().root.children as (SerializedLexicalNode & { children: SerializedLexicalNode[] })[];
  const blocks = json.flatMap((g) => g.children).map((b) => ({ ...b, type: 'paragraph' }));
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const b of blocks) root.append($parseSerializedNode(b));
    },
    { discrete: true },
  );
  attach(editor);
  return { editor, $blocks: () => $getRoot().getChildren(), isContainer: $isRootNode, can };
}

// ——— Positions: (block number, character offset in the block's text) ———

type Pos = readonly [block: number, offset: number];

const textSize = (n: LexicalNode): number => n.getTextContentSize();

/** Characters of the block before `node` (a descendant of the block). */
function charsBefore(node: LexicalNode, block: LexicalNode): number {
  let n = 0;
  for (let at: LexicalNode = node; !at.is(block); at = at.getParentOrThrow()) {
    for (let s = at.getPreviousSibling(); s; s = s.getPreviousSibling()) n += textSize(s);
  }
  return n;
}

function $posOf(side: Side, point: PointType): Pos {
  const blocks = side.$blocks();
  const number = (b: LexicalNode) => blocks.findIndex((x) => x.is(b));
  let node: LexicalNode = point.getNode();
  let offset = point.offset;
  // An element point on the root or a group: the place before its offset-th child, or after its last.
  while (side.isContainer(node)) {
    const el = node as ElementNode;
    if (el.getChildrenSize() === 0) return [-1, 0];
    const atEnd = offset >= el.getChildrenSize();
    node = atEnd ? el.getLastChildOrThrow() : el.getChildAtIndex(offset)!;
    offset = atEnd && $isElementNode(node) ? node.getChildrenSize() : 0;
    if (!side.isContainer(node)) return [number(node), atEnd ? textSize(node) : 0];
  }
  let block = node;
  while (!side.isContainer(block.getParentOrThrow())) block = block.getParentOrThrow();
  if (point.type === 'text') return [number(block), charsBefore(node, block) + offset];
  const el = node as ElementNode;
  let n = el.is(block) ? 0 : charsBefore(el, block);
  for (const c of el.getChildren().slice(0, offset)) n += textSize(c);
  return [number(block), n];
}

function $setPoint(side: Side, point: PointType, [b, offset]: Pos): void {
  const block = side.$blocks()[b]! as ElementNode;
  let acc = 0;
  let last: LexicalNode | null = null;
  for (const child of block.getChildren()) {
    const size = textSize(child);
    if ($isTextNode(child) && offset <= acc + size) return point.set(child.getKey(), offset - acc, 'text');
    if (!$isTextNode(child) && offset <= acc) return point.set(block.getKey(), child.getIndexWithinParent(), 'element');
    acc += size;
    last = child;
  }
  point.set(block.getKey(), last ? block.getChildrenSize() : 0, 'element');
}

function $select(side: Side, anchor: Pos, focus: Pos = anchor): RangeSelection {
  const root = $getRoot();
  const sel = root.select(0, 0);
  $setPoint(side, sel.anchor, anchor);
  $setPoint(side, sel.focus, focus);
  $setSelection(sel);
  return sel;
}

function $range(): RangeSelection {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) throw new Error('no range selection');
  return sel;
}

// ——— The edits ———

type Op =
  | { op: 'type'; at: Pos; text: string }
  | { op: 'enter'; at: Pos }
  | { op: 'backspace'; at: Pos }
  | { op: 'delete'; at: Pos }
  | { op: 'removeRange'; from: Pos; to: Pos }
  | { op: 'removeBlocks'; caret: Pos; first: number; count: number }
  | { op: 'paste'; from: Pos; to: Pos; paragraphs: string[] }
  | { op: 'selectAllType'; caret: Pos; text: string }
  | { op: 'undo' }
  | { op: 'redo' };

/** Waits for the restored state to be committed, as editorHarness's `undo`. */
function historic(side: Side, command: LexicalCommand<void>, can: boolean): Promise<void> {
  if (!can) {
    side.editor.dispatchCommand(command, undefined);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const off = side.editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (!tags.has(HISTORIC_TAG) || dirtyElements.size === 0) return;
      off();
      resolve();
    });
    side.editor.dispatchCommand(command, undefined);
  });
}

/**
 * Backspace / Delete at the caret. Headless Lexical cannot delete a character inside a text (it
 * asks the DOM to extend the selection by one): that one is removed as a range of one character,
 * as the browser would. Across blocks — where the groups' edges are — it is Lexical's own
 * deleteCharacter, which walks the model. Before the document's start or past its end there is
 * nothing to delete (the DOM again): nothing is done.
 */
function $deleteCharacter(side: Side, isBackward: boolean): void {
  const sel = $range();
  const [b, offset] = $posOf(side, sel.anchor);
  const blocks = side.$blocks();
  const text = blocks[b]!.getTextContent();
  if (isBackward ? offset > 0 : offset < text.length) {
    const before = text.slice(0, offset);
    const after = text.slice(offset);
    const size = isBackward ? Array.from(before).at(-1)!.length : Array.from(after)[0]!.length;
    $select(side, [b, isBackward ? offset - size : offset], [b, isBackward ? offset : offset + size]).removeText();
  } else if (isBackward ? b > 0 : b < blocks.length - 1) {
    // As the key does: the command, which rich text's handler answers with deleteCharacter.
    if (!side.editor.dispatchCommand(DELETE_CHARACTER_COMMAND, isBackward)) sel.deleteCharacter(isBackward);
  }
}

/**
 * Pastes paragraphs where the selection is, as the app's paste does (@lexical/clipboard's
 * $insertGeneratedNodes: the clipboard command first, then the selection's insertNodes).
 */
function $paste(side: Side, paragraphs: readonly string[]): void {
  const nodes = paragraphs.map((t) => $createParagraphNode().setFormat('left').append(...(t ? [$createTextNode(t)] : [])));
  const selection = $range();
  if (!side.editor.dispatchCommand(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, { nodes, selection })) selection.insertNodes(nodes);
}

async function apply(side: Side, op: Op): Promise<void> {
  const update = (fn: () => void) => side.editor.update(fn, { discrete: true });
  switch (op.op) {
    case 'undo':
      return historic(side, UNDO_COMMAND, side.can.undo);
    case 'redo':
      return historic(side, REDO_COMMAND, side.can.redo);
    case 'type':
      update(() => $select(side, op.at));
      return update(() => $range().insertText(op.text));
    case 'enter':
      update(() => $select(side, op.at));
      return update(() => void $range().insertParagraph());
    case 'backspace':
    case 'delete':
      update(() => $select(side, op.at));
      return update(() => $deleteCharacter(side, op.op === 'backspace'));
    case 'removeRange':
      update(() => $select(side, op.from, op.to));
      return update(() => $range().removeText());
    case 'removeBlocks':
      update(() => $select(side, op.caret));
      return update(() => {
        for (const b of side.$blocks().slice(op.first, op.first + op.count)) b.remove();
      });
    case 'paste':
      update(() => $select(side, op.from, op.to));
      return update(() => $paste(side, op.paragraphs));
    case 'selectAllType':
      update(() => $select(side, op.caret));
      update(() => void $selectAll($range()));
      return update(() => $range().insertText(op.text));
  }
}

// ——— What both must agree on ———

interface Seen {
  paragraphs: string[];
  selection: { anchor: Pos; focus: Pos } | null;
}

function seen(side: Side): Seen {
  return side.editor.getEditorState().read(() => {
    const sel = $getSelection();
    return {
      paragraphs: side.$blocks().map((b) => `${($isElementNode(b) && b.getFormatType()) || '-'}|${b.getTextContent()}`),
      selection: $isRangeSelection(sel) ? { anchor: $posOf(side, sel.anchor), focus: $posOf(side, sel.focus) } : null,
    };
  });
}

// ——— Seeded edits, mostly at the groups' edges ———

function generator(seed: number, a: Side) {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));
  const text = (max: number) => Array.from({ length: 1 + int(max) }, () => pick(alphabet)).join('');

  /** A block number: a group's first or last block, a multiple of GROUP_SIZE ± 1, the ends, or any. */
  function block(lengths: number[]): number {
    const n = lengths.length;
    const r = rnd();
    if (r < 0.45) {
      const edges = a.editor.getEditorState().read(() => {
        const out: number[] = [];
        let at = 0;
        for (const g of $getRoot().getChildren()) {
          const size = $isElementNode(g) ? g.getChildrenSize() : 1;
          out.push(at, at + size - 1);
          at += size;
        }
        return out;
      });
      return clamp(pick(edges), n - 1);
    }
    if (r < 0.7) return clamp(GROUP_SIZE * int(Math.ceil(n / GROUP_SIZE) + 1) + int(3) - 1, n - 1);
    if (r < 0.8) return pick([0, n - 1]);
    return int(n);
  }
  function offset(len: number): number {
    const r = rnd();
    return r < 0.4 ? 0 : r < 0.8 ? len : int(len + 1);
  }
  function pos(lengths: number[]): Pos {
    const b = block(lengths);
    return [b, offset(lengths[b]!)];
  }

  let last: Op['op'] | null = null;
  const choose = (lengths: number[]): Op => {
    const n = lengths.length;
    if (last === 'undo' || last === 'redo') {
      const r = rnd();
      if (r < 0.3) return { op: 'redo' };
      if (r < 0.5) return { op: 'undo' };
    }
    const r = rnd();
    if (r < 0.16) return { op: 'type', at: pos(lengths), text: text(rnd() < 0.8 ? 3 : 30) };
    if (r < 0.3) return { op: 'enter', at: pos(lengths) };
    if (r < 0.44) return { op: 'backspace', at: pos(lengths) };
    if (r < 0.58) return { op: 'delete', at: pos(lengths) };
    if (r < 0.68) {
      const from = pos(lengths);
      const q = rnd();
      const tb = clamp(from[0] + int(q < 0.6 ? 3 : q < 0.85 ? 61 : 251), n - 1);
      const to: Pos = [tb, offset(lengths[tb]!)];
      return rnd() < 0.5 ? { op: 'removeRange', from, to } : { op: 'removeRange', from: to, to: from };
    }
    if (r < 0.74 && n > 1) {
      const first = block(lengths);
      const count = Math.min(1 + int(rnd() < 0.7 ? 3 : 80), n - first, n - 1);
      // The caret mostly in or beside the blocks removed.
      const cb = rnd() < 0.6 ? clamp(first - 1 + int(count + 2), n - 1) : block(lengths);
      return { op: 'removeBlocks', caret: [cb, offset(lengths[cb]!)], first, count };
    }
    if (r < 0.84) {
      const from = pos(lengths);
      let to = from;
      if (rnd() < 0.3) {
        const tb = clamp(from[0] + int(60), n - 1);
        to = [tb, offset(lengths[tb]!)];
      }
      const paragraphs = Array.from({ length: 2 + int(rnd() < 0.6 ? 4 : 120) }, () => (rnd() < 0.15 ? '' : text(12)));
      return { op: 'paste', from, to, paragraphs };
    }
    if (r < 0.85) return { op: 'selectAllType', caret: pos(lengths), text: text(5) };
    return { op: 'undo' };
  };
  return (doc: Seen): Op => {
    const op = choose(doc.paragraphs.map((p) => p.length - p.indexOf('|') - 1));
    last = op.op;
    return op;
  };
}

const describeOp = (op: Op) => JSON.stringify(op, (k, v: unknown) => (k === 'paragraphs' ? `${(v as string[]).length} paragraphs` : v));

/** Applies the ops to a fresh pair and returns the first difference (null if none). */
async function replay(ops: readonly Op[]): Promise<string | null> {
  const a = grouped();
  const b = flat(a.editor);
  for (const [i, op] of ops.entries()) {
    await apply(a, op);
    await apply(b, op);
    const problem = compare(a, b);
    if (problem) return `after op ${i} ${describeOp(op)}: ${problem}`;
  }
  return null;
}

/** The paragraphs an editor's DOM shows (text only; the grouped editor's root must hold only groups). */
function shown(side: Side): string[] {
  const root = side.editor.getRootElement()!;
  const text = (b: Element) => (b.textContent ?? '').replace(/\u200b/g, '');
  if (side.isContainer === $isRootNode) return [...root.children].map(text);
  const groups = [...root.children];
  if (groups.some((g) => !g.classList.contains('wg-blocks'))) return ['(an element in the root that is no group)'];
  return groups.flatMap((g) => [...g.children].map(text));
}

function compare(a: Side, b: Side): string | null {
  const sa = seen(a);
  const sb = seen(b);
  const problems = blockGroupProblems(a.editor);
  if (problems.length > 0) return `groups: ${problems.join('; ')}`;
  for (const [side, name, held] of [[a, 'grouped', sa], [b, 'flat', sb]] as const) {
    const dom = shown(side);
    const model = held.paragraphs.map((p) => p.slice(p.indexOf('|') + 1));
    const d = dom.findIndex((t, i) => t !== model[i]);
    if (dom.length !== model.length || d >= 0) return `${name} DOM: ${dom.length} blocks shown for ${model.length}; first difference at ${d}: ${JSON.stringify(dom[d])} shown, ${JSON.stringify(model[d])} held`;
  }
  if (sa.paragraphs.length !== sb.paragraphs.length) return `${sa.paragraphs.length} blocks grouped, ${sb.paragraphs.length} flat`;
  const i = sa.paragraphs.findIndex((p, i) => p !== sb.paragraphs[i]);
  if (i >= 0) return `block ${i}: grouped ${JSON.stringify(sa.paragraphs[i])}, flat ${JSON.stringify(sb.paragraphs[i])}`;
  if (JSON.stringify(sa.selection) !== JSON.stringify(sb.selection)) return `selection grouped ${JSON.stringify(sa.selection)}, flat ${JSON.stringify(sb.selection)}`;
  return null;
}

async function fuzz(seed: number, count: number): Promise<void> {
  const a = grouped();
  const b = flat(a.editor);
  expect(seen(b)).toEqual(seen(a));
  expect(seen(a).paragraphs.length).toBe(PARAGRAPHS);
  expect(a.editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(PARAGRAPHS / GROUP_SIZE);
  const next = generator(seed, a);
  const log: Op[] = [];
  for (let i = 0; i < count; i++) {
    const op = next(seen(b));
    log.push(op);
    let problem: string | null;
    try {
      await apply(a, op);
      await apply(b, op);
      problem = compare(a, b);
    } catch (e) {
      problem = `threw ${(e as Error).stack}`;
    }
    if (problem) {
      const message = `seed ${seed}, op ${i} ${describeOp(op)}: ${problem}\nops: ${JSON.stringify(log)}`;
      console.error(message);
      expect.fail(message);
    }
  }
}

/** Each paragraph's text length as loaded (for edits at a block's end). */
const len = (i: number): number => {
  const b = report.blocks[i]!;
  return b.type === 'paragraph' ? b.runs.reduce((n, r) => n + r.text.length, 0) : 0;
};

describe('blocks in groups, edited as the same blocks held flat', () => {
  it('moves a section into an earlier group and back with undo (文档结构 上移), the page showing the paragraphs in order', async () => {
    const a = grouped();
    const held = () => seen(a).paragraphs.map((p) => p.slice(p.indexOf('|') + 1));
    const before = held();
    const keys = a.editor.getEditorState().read(() => $blockKeys());
    const order = [...keys.slice(0, 10), ...keys.slice(120, 126), ...keys.slice(10, 120), ...keys.slice(126)];
    a.editor.update(() => $reorderBlocks(order, (k) => $getNodeByKey(k)), { discrete: true });
    const moved = [...before.slice(0, 10), ...before.slice(120, 126), ...before.slice(10, 120), ...before.slice(126)];
    expect(held()).toEqual(moved);
    expect(shown(a)).toEqual(moved);
    expect(blockGroupProblems(a.editor)).toEqual([]);
    await historic(a, UNDO_COMMAND, a.can.undo);
    expect(held()).toEqual(before);
    expect(shown(a)).toEqual(before);
    await historic(a, REDO_COMMAND, a.can.redo);
    expect(shown(a)).toEqual(moved);
  });

  // What the fuzz found, each made small (replay: both editors, compared after every edit).
  it('pastes copied paragraphs into a block of a group as paragraphs, not as one line', async () => {
    expect(await replay([{ op: 'paste', from: [120, 3], to: [120, 3], paragraphs: ['一', '二', '三'] }])).toBeNull();
  });

  it('Backspace at a group’s first block after an empty line removes the empty line, not the paragraph’s alignment', async () => {
    // Enter at the end of the first group's last block: an empty line ends that group.
    const ops: Op[] = [{ op: 'enter', at: [GROUP_SIZE - 1, len(GROUP_SIZE - 1)] }, { op: 'backspace', at: [GROUP_SIZE + 1, 0] }];
    expect(await replay(ops)).toBeNull();
  });

  it('Delete on an empty line that ends a group removes the empty line, not the next paragraph’s alignment', async () => {
    const ops: Op[] = [{ op: 'enter', at: [GROUP_SIZE - 1, len(GROUP_SIZE - 1)] }, { op: 'delete', at: [GROUP_SIZE, 0] }];
    expect(await replay(ops)).toBeNull();
  });

  it('removing the block with the caret at a group’s start leaves the caret at the end of the block before', async () => {
    expect(await replay([{ op: 'removeBlocks', caret: [GROUP_SIZE, 2], first: GROUP_SIZE, count: 1 }])).toBeNull();
  });

  it('keeps the caret where Delete removed an empty line when its group, grown small, joins a neighbour', async () => {
    // The second group left with 13 blocks (GROUP_SIZE / 4 joins a neighbour); its third emptied.
    const removed = GROUP_SIZE - 13;
    const ops: Op[] = [
      { op: 'removeBlocks', caret: [0, 0], first: GROUP_SIZE, count: removed },
      { op: 'removeRange', from: [GROUP_SIZE + 2, 0], to: [GROUP_SIZE + 2, len(GROUP_SIZE + 2 + removed)] },
      { op: 'delete', at: [GROUP_SIZE + 2, 0] },
    ];
    expect(await replay(ops)).toBeNull();
  });

  for (const seed of [1, 2, 4, 7, 8]) {
    it(`seed ${seed}: ${OPS} edits`, () => fuzz(seed, OPS));
  }
});
