/**
 * The editor holds a document's blocks in groups (BlockGroupNode, for typing speed) that nothing
 * else may notice: the model read back, editing across a group's edge, undo, tables inserted,
 * the block index's news. Run on every report of the corpus put together (~600 paragraphs, a
 * dozen groups).
 */
import fs from 'node:fs';
import path from 'node:path';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, type LexicalEditor, type LexicalNode, type RangeSelection } from 'lexical';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import type { WgDocument } from '../../../shared/model/document';
import { blockIndexOf, type BlockChanges } from '../../../renderer/editor/blockIndex';
import { $blockNumber, $blocks, $nextBlock } from '../../../renderer/editor/blocks';
import { $createBlockGroupNode, GROUP_SIZE } from '../../../renderer/editor/nodes/BlockGroupNode';
import { blockGroupProblems, headlessEditor, load, read, undo } from './editorHarness';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

let report: WgDocument;
let editor: LexicalEditor;

beforeAll(async () => {
  const blocks = [];
  for (const dir of ['gov', 'seeds']) {
    for (const name of fs.readdirSync(path.join(CORPUS, dir)).filter((n) => n.endsWith('.txt')).sort()) {
      blocks.push(...(await readDocumentFile(path.join(CORPUS, dir, name))).doc.blocks);
    }
  }
  report = { meta: {}, blocks };
});

beforeEach(() => {
  editor = headlessEditor(true);
  load(editor, report);
});

const texts = () => read(editor).blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '[table]'));
const original = () => report.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '[table]'));
const update = (fn: () => void) => editor.update(fn, { discrete: true });
const selection = (): RangeSelection => {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) throw new Error('no range selection');
  return sel;
};

/** Each group's size (check the root holds only groups first: expectBalanced). */
function groupSizes(): number[] {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((g) => (g as unknown as { getChildrenSize(): number }).getChildrenSize()));
}

/** Only groups in the root, each of 1–2×GROUP_SIZE blocks and nothing but blocks. */
function expectBalanced(): void {
  expect(blockGroupProblems(editor)).toEqual([]);
}

/** The first block of the second group (a block at a group's edge). */
const $edgeBlock = (): LexicalNode => ($getRoot().getChildAtIndex(1) as unknown as { getFirstChild(): LexicalNode }).getFirstChild();

describe('blocks held in groups', () => {
  it('hold a long report in groups of GROUP_SIZE that the model never sees', () => {
    expect(report.blocks.length).toBeGreaterThan(8 * GROUP_SIZE);
    expectBalanced();
    const sizes = groupSizes();
    expect(sizes.length).toBe(Math.ceil(report.blocks.length / GROUP_SIZE));
    expect(texts()).toEqual(original());
    editor.getEditorState().read(() => {
      const blocks = $blocks();
      expect(blocks.length).toBe(report.blocks.length);
      expect(blocks.map($blockNumber)).toEqual(blocks.map((_, i) => i));
      expect(blocks.slice(0, -1).every((b, i) => $nextBlock(b)!.is(blocks[i + 1]!))).toBe(true);
    });
  });

  it('join and split again across a group’s edge with Backspace, Enter and Delete', () => {
    const edge = editor.getEditorState().read(() => $blockNumber($edgeBlock()));
    expect(edge).toBe(GROUP_SIZE);
    const before = original();
    update(() => $edgeBlock().selectStart());
    update(() => selection().deleteCharacter(true));
    expect(texts()).toEqual([...before.slice(0, edge - 1), before[edge - 1]! + before[edge]!, ...before.slice(edge + 1)]);
    update(() => selection().insertParagraph());
    expect(texts()).toEqual(before);
    // Delete at the end of a group's last block (Enter left the new paragraph in the first
    // group) pulls the next group's first block up.
    update(() => ($getRoot().getFirstChild() as unknown as { getLastChild(): LexicalNode }).getLastChild().selectEnd());
    update(() => selection().deleteCharacter(false));
    expect(texts()).toEqual([...before.slice(0, edge), before[edge]! + before[edge + 1]!, ...before.slice(edge + 2)]);
    expectBalanced();
  });

  it('delete a selection over several groups as one edit, and undo it whole', async () => {
    const before = read(editor);
    const from = 30;
    const to = 3 * GROUP_SIZE + 20;
    const t = original();
    update(() => {
      const blocks = $blocks();
      const sel = blocks[from]!.selectStart();
      const last = blocks[to]!;
      sel.focus.set(last.getKey(), $isElementNode(last) ? last.getChildrenSize() : 0, 'element');
    });
    update(() => selection().removeText());
    expect(texts()).toEqual([...t.slice(0, from), '', ...t.slice(to + 1)]);
    expectBalanced();
    await undo(editor);
    expect(read(editor)).toEqual(before);
    expectBalanced();
  });

  it('cut a group that grows past twice GROUP_SIZE, and fold a small one into its neighbour', () => {
    update(() => {
      const target = $blocks()[10]!;
      target.selectEnd();
      for (let i = 0; i < 2 * GROUP_SIZE; i++) selection().insertParagraph();
    });
    expectBalanced();
    expect(texts().length).toBe(report.blocks.length + 2 * GROUP_SIZE);
    // Almost a whole group deleted: what is left joins a neighbour.
    update(() => {
      const blocks = $blocks();
      for (const b of blocks.slice(5 * GROUP_SIZE, 6 * GROUP_SIZE - 2)) b.remove();
    });
    expectBalanced();
    expect(Math.min(...groupSizes())).toBeGreaterThanOrEqual(GROUP_SIZE / 4);
  });

  it('take in a table Lexical inserts at the root, and a group pasted inside another', () => {
    update(() => {
      $blocks()[GROUP_SIZE + 5]!.selectEnd();
      $insertNodeToNearestRoot($createTableNodeWithDimensions(2, 2, false));
    });
    expectBalanced();
    expect(texts()[GROUP_SIZE + 6]).toBe('[table]');
    update(() => {
      const nested = $createBlockGroupNode();
      $blocks()[3]!.insertAfter(nested);
      nested.append(...$blocks().slice(200, 203));
    });
    expectBalanced();
    expect(texts().length).toBe(report.blocks.length + 1);
  });

  it('tell the block index of moved blocks only when blocks moved, not while typing', () => {
    const news: BlockChanges[] = [];
    const off = blockIndexOf(editor).subscribe((c) => news.push(c));
    update(() => $blocks()[GROUP_SIZE - 1]!.selectEnd());
    update(() => selection().insertText('加强'));
    expect(news.at(-1)!.orderChanged).toBe(false);
    expect([...news.at(-1)!.changed]).toHaveLength(1);
    update(() => selection().insertParagraph());
    expect(news.at(-1)!.orderChanged).toBe(true);
    expect(news.at(-1)!.keys).toEqual(editor.getEditorState().read(() => $blocks().map((b) => b.getKey())));
    update(() => $edgeBlock().remove());
    expect(news.at(-1)!.orderChanged).toBe(true);
    expect(news.at(-1)!.removed).toHaveLength(1);
    off();
  });
});
