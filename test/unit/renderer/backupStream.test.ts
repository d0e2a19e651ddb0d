/**
 * Incremental backups (renderer/files/backupStream.ts, electron/services/backups.ts): each write
 * sends only the blocks changed since the previous one, and the backup on disk is always the
 * whole document as it was read — after typing in several paragraphs, undo and redo, pasting,
 * splitting and joining paragraphs, formatting, deleting across paragraphs, a restarted service,
 * a discarded backup and a failed write. Every write goes through the contract's validation, as
 * over IPC or HTTP.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  HISTORIC_TAG,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCall, type BackupUpdate } from '../../../shared/api/contract';
import { documentSize, paragraph, type WgDocument } from '../../../shared/model/document';
import { BackupStore } from '../../../electron/services/backups';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { BlockModels } from '../../../renderer/editor/blockModels';
import { $createParagraphFromModel } from '../../../renderer/editor/documentModel';
import { $isWgParagraphNode, type WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import { BackupStream, CHUNK_CHARS } from '../../../renderer/files/backupStream';
import { headlessEditor, load, read } from './editorHarness';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const ID = 'doc-12345678';

let editor: LexicalEditor;
let models: BlockModels;
let store: BackupStore;
let dir: string;
/** What each write sent (blocks changed, base), for the assertions on its size. */
let sent: BackupUpdate[];
let failNext = false;
let stream: BackupStream;

beforeEach(() => {
  editor = headlessEditor(true);
  models = new BlockModels(editor);
  dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-backup-stream-'));
  store = new BackupStore(dir);
  sent = [];
  failNext = false;
  stream = new BackupStream(async (u) => {
    const check = checkCall('updateBackup', [u]);
    if (!check.ok) throw new Error(check.message);
    sent.push(u);
    if (failNext) {
      failNext = false;
      throw new Error('后台服务无响应');
    }
    return { written: await store.update(u) };
  });
});

afterEach(() => models.dispose());

async function backUp(): Promise<void> {
  await stream.write({ id: ID, name: '报告', source: null, meta: { title: '报告' } }, models.read());
}

/** The backup on disk, read as the restore dialog reads it, equals the document in the editor. */
async function expectBackupIsDocument(step: string): Promise<void> {
  const restored = (await store.read(ID)).doc;
  const now: WgDocument = { ...read(editor), meta: { title: '报告' } };
  expect(restored, `the backup after ${step}`).toEqual(now);
}

function edit(fn: () => void): void {
  editor.update(fn, { discrete: true });
}

function history(command: typeof UNDO_COMMAND | typeof REDO_COMMAND): Promise<void> {
  return new Promise((resolve) => {
    const stop = editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (!tags.has(HISTORIC_TAG) || dirtyElements.size === 0) return;
      stop();
      resolve();
    });
    editor.dispatchCommand(command, undefined);
  });
}

const paragraphs = () => $blocks().filter($isWgParagraphNode) as WgParagraphNode[];

/** A caret (or the anchor/focus point) at a character offset of a paragraph. */
function $point(p: WgParagraphNode, offset: number): [string, number, 'text' | 'element'] {
  let at = 0;
  for (const t of p.getAllTextNodes()) {
    const len = t.getTextContentSize();
    if (offset <= at + len) return [t.getKey(), offset - at, 'text'];
    at += len;
  }
  return [p.getKey(), p.getChildrenSize(), 'element'];
}

function $select(p: WgParagraphNode, offset: number, q = p, focus = offset): void {
  const sel = $createRangeSelection();
  sel.anchor.set(...$point(p, offset));
  sel.focus.set(...$point(q, focus));
  $setSelection(sel);
}

function $selection() {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) throw new Error('no range selection');
  return sel;
}

describe('incremental backups', () => {
  it('sends only the changed paragraphs, and the backup is the document after edits, undo, paste, splits and joins', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt'));
    load(editor, doc);
    const total = doc.blocks.length;
    expect(total).toBeGreaterThan(20);
    await backUp();
    expect(sent.at(-1)!.blocks).toHaveLength(total); // the first write holds every block
    await expectBackupIsDocument('opening');

    // Typing in two paragraphs: two blocks go, the rest is kept from the last write.
    edit(() => {
      const ps = paragraphs();
      ps[3]!.selectEnd().insertText('还要进一步加强调查研究。');
      ps[10]!.selectStart().insertText('同时，');
    });
    await backUp();
    expect(sent.at(-1)!.blocks.map(([, b]) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(sent.at(-1)!.base).toBeGreaterThan(0);
    await expectBackupIsDocument('typing in two paragraphs');

    // Undo swaps the whole state: only the paragraph the undo restored is sent.
    await history(UNDO_COMMAND);
    await backUp();
    expect(sent.at(-1)!.blocks.length).toBeLessThanOrEqual(2);
    await expectBackupIsDocument('undo');
    await history(REDO_COMMAND);
    await backUp();
    await expectBackupIsDocument('redo');

    // Splitting a paragraph, then joining two others.
    edit(() => {
      $select(paragraphs()[5]!, 4);
      $selection().insertParagraph();
    });
    await backUp();
    // The two halves, and the neighbour Lexical rewrites when it links the new paragraph in.
    expect(sent.at(-1)!.blocks.length).toBeLessThanOrEqual(3);
    expect(sent.at(-1)!.order).toHaveLength(total + 1);
    await expectBackupIsDocument('a split');
    edit(() => {
      $select(paragraphs()[12]!, 0);
      $selection().deleteCharacter(true);
    });
    await backUp();
    expect(sent.at(-1)!.order).toHaveLength(total);
    await expectBackupIsDocument('a join');

    // Pasting three paragraphs from Word in the middle of one, and plain text with line ends.
    edit(() => {
      $select(paragraphs()[8]!, 6);
      $selection().insertNodes([paragraph('（一）加强组织领导。'), paragraph('各单位要高度重视。', { align: 'justify' }), paragraph('（二）强化督促检查。')].map((p) => $createParagraphFromModel(p)));
    });
    await backUp();
    await expectBackupIsDocument('a paste of paragraphs');
    edit(() => {
      $select(paragraphs()[2]!, 2);
      const sel = $selection();
      sel.insertText('第一行');
      sel.insertParagraph();
      sel.insertText('第二行');
    });
    await backUp();
    await expectBackupIsDocument('a paste of plain text');

    // Deleting across four paragraphs, bold on a span, a role set by hand.
    edit(() => {
      const ps = paragraphs();
      $select(ps[14]!, 3, ps[17]!, 5);
      $selection().removeText();
    });
    edit(() => {
      const ps = paragraphs();
      $select(ps[20]!, 0, ps[20]!, 4);
      $selection().formatText('bold');
      ps[21]!.setRole('heading2');
    });
    await backUp();
    await expectBackupIsDocument('deleting across paragraphs, bold and a role');
    await history(UNDO_COMMAND);
    await history(UNDO_COMMAND);
    await backUp();
    await expectBackupIsDocument('two undos');
  });

  it('sends everything again when the service restarted, the backup was discarded or a write failed', async () => {
    load(editor, { meta: {}, blocks: ['一、总体要求', '坚持稳中求进。', '二、主要任务', '抓好落实。'].map((t) => paragraph(t)) });
    await backUp();
    edit(() => paragraphs()[1]!.selectEnd().insertText('甲'));
    await backUp();
    expect(sent.at(-1)!.blocks).toHaveLength(1);

    // A new service (the harness or the app restarted) holds no stream: the same edit is sent whole.
    store = new BackupStore(dir);
    edit(() => paragraphs()[3]!.selectEnd().insertText('乙'));
    await backUp();
    expect(sent.at(-2)!.base).toBeGreaterThan(0);
    expect(sent.at(-1)!.base).toBe(0);
    expect(sent.at(-1)!.blocks).toHaveLength(4);
    await expectBackupIsDocument('a restarted service');

    await store.discard(ID);
    edit(() => paragraphs()[0]!.selectEnd().insertText('丙'));
    await backUp();
    expect(sent.at(-1)!.base).toBe(0);
    await expectBackupIsDocument('a discarded backup');

    // A write that fails: the user is warned by the caller; the next write sends everything.
    edit(() => paragraphs()[2]!.selectEnd().insertText('丁'));
    failNext = true;
    await expect(backUp()).rejects.toThrow(/无响应/);
    edit(() => paragraphs()[1]!.selectEnd().insertText('戊'));
    await backUp();
    expect(sent.at(-1)!.base).toBe(0);
    await expectBackupIsDocument('a failed write');
  });

  it('sends a large change in several requests, each about CHUNK_CHARS, and writes the file once, whole', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt'));
    const big: WgDocument = { meta: {}, blocks: Array.from({ length: 40 }, () => doc.blocks).flat() };
    expect(documentSize(big)).toBeGreaterThan(3 * CHUNK_CHARS);
    load(editor, big);
    await backUp();
    const requests = sent.length;
    expect(requests).toBeGreaterThan(3);
    expect(sent.slice(0, -1).every((u) => u.partial && u.order.length === 0)).toBe(true);
    expect(sent.at(-1)!.partial).toBeUndefined();
    expect(sent.at(-1)!.order).toHaveLength(big.blocks.length);
    expect(sent.reduce((n, u) => n + u.blocks.length, 0)).toBe(big.blocks.length);
    for (const u of sent) expect(documentSize({ meta: {}, blocks: u.blocks.map(([, b]) => b) })).toBeLessThanOrEqual(CHUNK_CHARS + 2000);
    await expectBackupIsDocument('the first write of a large document');

    // The next edit is one request of one paragraph.
    edit(() => paragraphs()[40]!.selectEnd().insertText('落实'));
    await backUp();
    expect(sent.length).toBe(requests + 1);
    expect(sent.at(-1)!.blocks).toHaveLength(1);
    await expectBackupIsDocument('an edit after the large write');
  });

  it('starts again from the first block when the service restarts in the middle of a large write', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt'));
    load(editor, { meta: {}, blocks: Array.from({ length: 40 }, () => doc.blocks).flat() });
    const update = stream;
    let calls = 0;
    stream = new BackupStream(async (u) => {
      // The service restarts after the second request: the blocks it was handed are gone.
      if (++calls === 3) store = new BackupStore(dir);
      sent.push(u);
      return { written: await store.update(u) };
    });
    await backUp();
    const restarts = sent.filter((u) => u.base === 0).length;
    expect(restarts).toBe(2);
    await expectBackupIsDocument('a restart during a large write');
    stream = update;
  });

  it('a write built on another stream or a stale base writes nothing', async () => {
    const u = (base: number, blocks: BackupUpdate['blocks'], order: string[]): BackupUpdate => ({
      id: ID, name: 'x', source: null, meta: {}, stream: 'stream-aaaaaaaa', base, revision: base + 1, order, blocks,
    });
    expect(await store.update(u(0, [['1', paragraph('甲')], ['2', paragraph('乙')]], ['1', '2']))).toBe(true);
    expect(await store.update(u(1, [['2', paragraph('丙')]], ['1', '2']))).toBe(true);
    // The same base again (a duplicate or reordered request) is refused, and so is another stream.
    expect(await store.update(u(1, [['2', paragraph('丁')]], ['1', '2']))).toBe(false);
    expect(await store.update({ ...u(2, [], ['1', '2']), stream: 'stream-bbbbbbbb' })).toBe(false);
    // A block the store never had cannot be kept.
    expect(await store.update(u(2, [], ['1', '3']))).toBe(false);
    expect((await store.read(ID)).doc.blocks).toEqual([paragraph('甲'), paragraph('丙')]);
    // A whole write must hold every block it orders.
    await expect(store.update(u(0, [['1', paragraph('甲')]], ['1', '2']))).rejects.toMatchObject({ code: 'invalid-backup' });
  });

  it('stays the document through a long random sequence of edits, undos and redos', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/002_182f94ccda9023a4.txt'));
    load(editor, doc);
    const can = { undo: false, redo: false };
    const note = (which: keyof typeof can) => (v: boolean) => {
      can[which] = v;
      return false;
    };
    editor.registerCommand(CAN_UNDO_COMMAND, note('undo'), COMMAND_PRIORITY_CRITICAL);
    editor.registerCommand(CAN_REDO_COMMAND, note('redo'), COMMAND_PRIORITY_CRITICAL);
    let seed = 20261202;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const pick = () => {
      const ps = paragraphs();
      return ps[rnd(ps.length)]!;
    };
    const offsetIn = (p: WgParagraphNode) => rnd(p.getTextContentSize() + 1);
    const ops: Array<() => Promise<void> | void> = [
      () => edit(() => {
        const p = pick();
        $select(p, offsetIn(p));
        $selection().insertText('落实');
      }),
      () => edit(() => {
        const p = pick();
        $select(p, offsetIn(p));
        $selection().insertParagraph();
      }),
      () => edit(() => {
        const ps = paragraphs();
        if (ps.length < 3) return;
        $select(ps[1 + rnd(ps.length - 1)]!, 0);
        $selection().deleteCharacter(true);
      }),
      () => edit(() => {
        const ps = paragraphs();
        const i = rnd(ps.length - 2);
        const a = ps[i]!;
        const b = ps[i + 1 + rnd(2)]!;
        $select(a, offsetIn(a), b, offsetIn(b));
        $selection().removeText();
      }),
      () => edit(() => {
        const p = pick();
        $select(p, offsetIn(p));
        $selection().insertNodes([$createParagraphFromModel(paragraph('粘贴的一段。')), $createParagraphFromModel(paragraph('又一段'))]);
      }),
      () => edit(() => {
        const p = pick();
        const n = p.getTextContentSize();
        if (n < 2) return;
        $select(p, 0, p, 1 + rnd(n - 1));
        $selection().formatText('bold');
      }),
      () => edit(() => pick().setRole(rnd(2) ? 'heading1' : null)),
      // Undo and redo with nothing to undo or redo commit nothing: only when there is something.
      () => (can.undo ? history(UNDO_COMMAND) : undefined),
      () => (can.redo ? history(REDO_COMMAND) : undefined),
    ];
    let writes = 0;
    for (let step = 0; step < 160; step++) {
      await ops[rnd(ops.length)]!();
      if (rnd(4) === 0) {
        await backUp();
        writes++;
        await expectBackupIsDocument(`step ${step}`);
      }
    }
    expect(writes).toBeGreaterThan(20);
    expect(editor.getEditorState().read(() => $getRoot().getAllTextNodes().some((t) => t.hasFormat('bold')))).toBe(true);
  }, 60_000);
});
