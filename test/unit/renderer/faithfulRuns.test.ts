/**
 * The editor side of issue #11: a .docx's runs keep their size, fonts, colour, highlight,
 * strikethrough and superscript through the editor, typing into a run keeps its formatting and
 * source, Enter gives the new paragraph the Word properties of the one it was split from, and
 * untouched paragraphs come back from the editor exactly as read (so saving writes them back
 * byte for byte).
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { $isTextNode, type TextNode } from 'lexical';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { blockFingerprint } from '../../../shared/docx/faithful/fingerprint';
import { faithfulSave } from '../../../shared/docx/faithful/writeFaithful';
import { $isWgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import type { Paragraph, WgDocument } from '../../../shared/model/document';
import { makeGongwenReport } from '../../support/gongwenReport';
import { headlessEditor, load, read } from './editorHarness';

let bytes: Uint8Array;
let doc: WgDocument;
beforeAll(async () => {
  bytes = await makeGongwenReport();
  doc = readDocx(bytes).doc;
});

const richIndex = () => doc.blocks.findIndex((b) => b.type === 'paragraph' && b.runs.some((r) => r.text === '已完成'));

describe('rich runs through the editor', () => {
  it('gives back every block exactly as read when nothing is edited', () => {
    const editor = headlessEditor();
    load(editor, doc);
    const back = read(editor);
    expect(back.blocks.length).toBe(doc.blocks.length);
    back.blocks.forEach((b, i) => expect(blockFingerprint(b), `block ${i}`).toBe(doc.blocks[i]!.source!.fp));
    expect(faithfulSave(back, bytes)!.bytes).toBe(bytes);
  });

  it('keeps size, colour, highlight, strikethrough and superscript while typing into a run and after Enter', () => {
    const editor = headlessEditor(true);
    load(editor, doc);
    const index = richIndex();
    editor.update(
      () => {
        const para = $blocks()[index]!;
        if (!$isWgParagraphNode(para)) throw new Error('not a paragraph');
        const red = para.getChildren().find((n): n is TextNode => $isTextNode(n) && n.getTextContent() === '已完成')!;
        // Type inside the red, highlighted run, then press Enter inside the struck-through one.
        // As on a click into the text, the selection takes the formatting of the run it is in.
        const at = (node: TextNode, offset: number) => {
          const selection = node.select(offset, offset);
          selection.format = node.getFormat();
          selection.style = node.getStyle();
          return selection;
        };
        at(red, 1).insertText('基本');
        const struck = para.getChildren().find((n): n is TextNode => $isTextNode(n) && n.getTextContent() === '（旧表述）')!;
        at(struck, 3).insertParagraph();
      },
      { discrete: true },
    );
    const back = read(editor);
    const first = back.blocks[index] as Paragraph;
    const second = back.blocks[index + 1] as Paragraph;
    const original = doc.blocks[index] as Paragraph;
    const redRun = first.runs.find((r) => r.text.includes('基本'))!;
    expect(redRun.text).toBe('已基本完成');
    const was = original.runs.find((r) => r.text === '已完成')!;
    expect(redRun).toMatchObject({ color: 'C00000', highlight: 'yellow', size: 16, font: '仿宋_GB2312', src: was.src });
    expect(first.runs.at(-1)).toMatchObject({ text: '（旧表', strike: true });
    expect(second.runs[0]).toMatchObject({ text: '述）', strike: true, size: 16 });
    expect(second.runs.find((r) => r.text === '%')).toMatchObject({ vertAlign: 'superscript' });
    expect(second.runs.at(-1)).toMatchObject({ size: 12, font: '楷体_GB2312' });
    // The new paragraph carries the Word paragraph it was split from.
    expect(second.source?.p).toBe(original.source!.p);
    // Every other block is untouched.
    back.blocks.forEach((b, i) => {
      if (i === index || i === index + 1) return;
      const j = i > index ? i - 1 : i;
      expect(blockFingerprint(b), `block ${i}`).toBe(doc.blocks[j]!.source!.fp);
    });
    // Saved: both halves keep the paragraph's properties and each run its own.
    const saved = faithfulSave(back, bytes)!;
    expect(saved.losses).toEqual([]);
  });
});
