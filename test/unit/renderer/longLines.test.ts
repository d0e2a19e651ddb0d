/**
 * A .txt of one very long line: shown as paragraphs of a few thousand characters (so a keystroke
 * stays fast), written back as the one line it was — byte for byte when nothing was edited, with
 * an edit inside the line still one line, and an Enter the user types a real line break.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { paragraphText, type Paragraph } from '../../../shared/model/document';
import { DocumentSchema } from '../../../shared/model/schema';
import { LONG_LINE_CHARS, documentToPlainText, plainTextToDocument, splitLongLine } from '../../../shared/text/plainText';
import { readDocumentFile, saveDocumentFile } from '../../../electron/services/documentFiles';
import type { DocumentSource } from '../../../shared/api/contract';
import { oneLineText } from '../../support/longLine';
import type { WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import { headlessEditor, load, read } from './editorHarness';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-longline-'));

async function openAndSave(file: string, edit?: (editor: LexicalEditor) => void): Promise<Buffer> {
  const opened = await readDocumentFile(file);
  const editor = headlessEditor();
  load(editor, opened.doc);
  edit?.(editor);
  const outcome = await saveDocumentFile({ path: file, doc: read(editor), source: opened.source as DocumentSource, accept: {} });
  expect(outcome.status).toBe('saved');
  return readFileSync(file);
}

/** Puts the caret `at` characters into the `index`th paragraph and runs `act` on the selection. */
function atCaret(editor: LexicalEditor, index: number, at: number, act: 'type' | 'enter'): void {
  editor.update(
    () => {
      const block = $blocks()[index];
      const text = $isElementNode(block) ? block.getFirstDescendant() : null;
      if (!$isTextNode(text)) throw new Error('no text');
      const sel = text.select(at, at);
      if (act === 'type') sel.insertText('（新增）');
      else sel.insertParagraph();
    },
    { discrete: true },
  );
}

describe('a very long line in a .txt', () => {
  const line = oneLineText(1024 * 1024, '');

  it('is shown as paragraphs of at most a few thousand characters, cut after a sentence', () => {
    const pieces = splitLongLine(line);
    expect(pieces.join('')).toBe(line);
    expect(pieces.length).toBeGreaterThan(line.length / LONG_LINE_CHARS);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(LONG_LINE_CHARS + 2);
    // Every piece but the last ends a sentence (possibly with a closing quote).
    expect(pieces.slice(0, -1).filter((p) => !/[。！？][”’」』）》]*$/.test(p))).toEqual([]);
    const { doc, layout } = plainTextToDocument(`标题\n\u3000\u3000${line}\n末行\n`);
    expect(layout.longLines).toBe(1);
    const paras = doc.blocks as Paragraph[];
    expect(paras[1]!.indent).toEqual({ firstLineChars: 2 });
    expect(paras.filter((p) => p.continuesLine)).toHaveLength(pieces.length - 1);
    expect(paras[1]!.continuesLine).toBeUndefined();
    expect(paras[paras.length - 1]!.continuesLine).toBeUndefined();
    expect(documentToPlainText(doc, layout)).toBe(`标题\n\u3000\u3000${line}\n末行\n`);
    // The mark survives validation (IPC, backups, .wgd).
    expect(DocumentSchema.parse(doc).blocks.filter((b) => b.type === 'paragraph' && b.continuesLine)).toHaveLength(pieces.length - 1);
  });

  it('leaves short lines alone, and cuts a line with no sentence end at a clause or anywhere', () => {
    expect(plainTextToDocument('甲\n乙\n').layout.longLines).toBeUndefined();
    const clauses = '一二三四五六七八九，'.repeat(1000);
    expect(splitLongLine(clauses).every((p) => p.endsWith('，'))).toBe(true);
    const bare = '文'.repeat(10_001);
    expect(splitLongLine(bare).map((p) => p.length)).toEqual([LONG_LINE_CHARS, LONG_LINE_CHARS, 10_001 - 2 * LONG_LINE_CHARS]);
    // A character outside the BMP is never cut in two.
    const astral = '𠀀'.repeat(5000);
    expect(splitLongLine(astral).every((p) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p))).toBe(true);
  });

  it('keeps the join through the editor, but copy and paste (Lexical JSON) do not carry it', () => {
    const { doc } = plainTextToDocument(line);
    const editor = headlessEditor();
    load(editor, doc);
    expect(read(editor).blocks.filter((b) => b.type === 'paragraph' && b.continuesLine)).toHaveLength(doc.blocks.length - 1);
    editor.getEditorState().read(() => {
      const second = $blocks()[1] as WgParagraphNode;
      expect(second.getContinuesLine()).toBe(true);
      expect(second.exportJSON()).not.toHaveProperty('continuesLine');
    });
  });

  it('saves back byte for byte when nothing was edited (GB18030, CRLF, through the editor)', async () => {
    const file = path.join(tmp(), '材料.txt');
    const bytes = iconv.encode(`关于材料的说明\r\n${line}\r\n`, 'gb18030');
    writeFileSync(file, bytes);
    const opened = await readDocumentFile(file);
    expect(opened.doc.blocks.length).toBeGreaterThan(50);
    expect(opened.notices.join()).toContain('已在句末分段显示');
    expect(opened.source.text?.longLines).toBe(1);
    expect((await openAndSave(file)).equals(bytes)).toBe(true);
  });

  it('keeps an edit in the middle of the line on that one line', async () => {
    const file = path.join(tmp(), '材料.txt');
    writeFileSync(file, `${line}\n`);
    const saved = (await openAndSave(file, (editor) => atCaret(editor, 40, 10, 'type'))).toString('utf8');
    const lines = saved.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.replace('（新增）', '')).toBe(line);
    expect(lines[0]!.indexOf('（新增）')).toBeGreaterThan(40 * 2000);
  });

  it('writes an Enter the user typed as a real line break, in the middle of a piece or at its start', async () => {
    const file = path.join(tmp(), '材料.txt');
    writeFileSync(file, `${line}\n`);
    const opened = await readDocumentFile(file);
    const at = paragraphText(opened.doc.blocks[40] as Paragraph).length;
    const start = (opened.doc.blocks.slice(0, 40) as Paragraph[]).reduce((n, p) => n + paragraphText(p).length, 0);
    let saved = (await openAndSave(file, (editor) => atCaret(editor, 40, 10, 'enter'))).toString('utf8');
    expect(saved).toBe(`${line.slice(0, start + 10)}\n${line.slice(start + 10)}\n`);
    writeFileSync(file, `${line}\n`);
    saved = (await openAndSave(file, (editor) => atCaret(editor, 40, 0, 'enter'))).toString('utf8');
    expect(saved).toBe(`${line.slice(0, start)}\n${line.slice(start)}\n`);
    expect(at).toBeGreaterThan(0);
  });
});
