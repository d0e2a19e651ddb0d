/**
 * Pictures, drawings, page breaks and note marks from a .docx through the editor (issue #11): they
 * are inline objects the editor holds; a paragraph holding one can be edited and the save writes
 * the object's original XML back, without asking; a deleted one is gone, a moved one moves.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { strFromU8, unzipSync } from 'fflate';
import { $createTextNode, $isElementNode, type ElementNode } from 'lexical';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { blockFingerprint } from '../../../shared/docx/faithful/fingerprint';
import { faithfulSave } from '../../../shared/docx/faithful/writeFaithful';
import { elementAt } from '../../../shared/docx/faithful/xmlSlice';
import { paragraphText, type Paragraph, type WgDocument } from '../../../shared/model/document';
import { $isInlineObjectNode, type InlineObjectNode } from '../../../renderer/editor/nodes/InlineObjectNode';
import { fixtureBytes } from '../../support/fixtures';
import { makeDocx, p } from '../../support/makeDocx';
import { headlessEditor, load, read } from './editorHarness';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

let bytes: Uint8Array;
let doc: WgDocument;
let xml: string;
beforeAll(() => {
  bytes = fixtureBytes('docx', 'zh_word_circled_num.docx');
  doc = readDocx(bytes).doc;
  xml = documentXml(bytes);
});

/** The index of the first top-level paragraph holding an object of this kind. */
const indexOf = (d: WgDocument, kind: string) => d.blocks.findIndex((b) => b.type === 'paragraph' && b.runs.some((r) => r.object?.kind === kind));
const objectXml = (d: WgDocument, index: number, kind?: string) => {
  const at = (d.blocks[index] as Paragraph).runs.find((r) => r.object && (!kind || r.object.kind === kind))!.object!.at!;
  const el = elementAt(xml, at)!;
  return xml.slice(el.start, el.end);
};

function $objectsIn(para: ElementNode): InlineObjectNode[] {
  return para.getChildren().filter($isInlineObjectNode);
}

function edit(index: number, change: (para: ElementNode) => void): WgDocument {
  const editor = headlessEditor();
  load(editor, doc);
  editor.update(
    () => {
      const para = $blocks()[index];
      if (!$isElementNode(para)) throw new Error('not a paragraph');
      change(para);
    },
    { discrete: true },
  );
  return read(editor);
}

describe('inline objects in the editor', () => {
  it('come back from the editor exactly as read: no edit saves the file itself', () => {
    const editor = headlessEditor();
    load(editor, doc);
    const back = read(editor);
    back.blocks.forEach((b, i) => expect(blockFingerprint(b), `block ${i}`).toBe(doc.blocks[i]!.source!.fp));
    expect(faithfulSave(back, bytes)!.bytes).toBe(bytes);
    const kinds = editor.getEditorState().read(() => $blocks().flatMap((c) => ($isElementNode(c) ? $objectsIn(c).map((o) => o.getObject().kind) : [])));
    expect(kinds).toEqual(expect.arrayContaining(['picture', 'pageBreak', 'drawing']));
  });

  it.each(['picture', 'drawing', 'pageBreak', 'equation'])('a %s survives typing into its paragraph, without a question', (kind) => {
    const index = indexOf(doc, kind);
    expect(index).toBeGreaterThanOrEqual(0);
    const original = objectXml(doc, index, kind);
    const edited = edit(index, (para) => para.append($createTextNode('新增说明')));
    expect(paragraphText(edited.blocks[index] as Paragraph)).toContain('新增说明');
    const saved = faithfulSave(edited, bytes)!;
    expect(saved.losses).toEqual([]);
    const out = documentXml(saved.bytes);
    expect(out).toContain(original);
    expect(out.indexOf(original)).toBeLessThan(out.indexOf('新增说明'));
  });

  it('is gone when the user deleted it, and nothing is asked', () => {
    const index = indexOf(doc, 'picture');
    const original = objectXml(doc, index);
    const edited = edit(index, (para) => $objectsIn(para).forEach((o) => o.remove()));
    const saved = faithfulSave(edited, bytes)!;
    expect(saved.losses).toEqual([]);
    expect(documentXml(saved.bytes)).not.toContain(original);
  });

  it('moves with its node into another paragraph (as cut and paste does)', () => {
    const from = indexOf(doc, 'picture');
    const to = doc.blocks.findIndex((b, i) => i > from + 2 && b.type === 'paragraph' && paragraphText(b).length > 4);
    const original = objectXml(doc, from);
    const editor = headlessEditor();
    load(editor, doc);
    editor.update(
      () => {
        const source = $blocks()[from] as ElementNode;
        const target = $blocks()[to] as ElementNode;
        const picture = $objectsIn(source).find((o) => o.getObject().kind === 'picture')!;
        target.append(picture);
      },
      { discrete: true },
    );
    const edited = read(editor);
    const out = documentXml(faithfulSave(edited, bytes)!.bytes);
    expect(out.split(original)).toHaveLength(2);
    const targetText = paragraphText(doc.blocks[to] as Paragraph).slice(-4);
    expect(out.indexOf(original)).toBeGreaterThan(out.indexOf(targetText));
  });
});

describe('equations in the editor', () => {
  const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';
  const oMath = `<m:oMath ${M}><m:r><m:t>x=a+b</m:t></m:r></m:oMath>`;
  const docx = () => makeDocx({ body: `<w:p><w:r><w:t>由公式</w:t></w:r>${oMath}<w:r><w:t>可知结论</w:t></w:r></w:p>${p('另一段x=a')}` });

  it('read as their text in the paragraph’s text content (字数, outline, copy as text), and back to the model unchanged', () => {
    const bytes = docx();
    const read1 = readDocx(bytes).doc;
    const editor = headlessEditor();
    load(editor, read1);
    const text = editor.getEditorState().read(() => ($blocks()[0] as ElementNode).getTextContent());
    expect(text).toBe('由公式x=a+b可知结论');
    // Copy as text: the selection's text (what goes to text/plain) holds the equation's text.
    let copied = '';
    editor.update(
      () => {
        const para = ($blocks()[0] as ElementNode);
        copied = para.select(0, para.getChildrenSize()).getTextContent();
      },
      { discrete: true },
    );
    expect(copied).toBe('由公式x=a+b可知结论');
    const back = read(editor);
    expect(back.blocks[0]!.source!.fp).toBe(blockFingerprint(back.blocks[0]!));
    expect(faithfulSave(back, bytes)!.bytes).toBe(bytes);
  });

  it('typed beside and deleted through the editor: kept byte for byte, then gone, never asked about', () => {
    const bytes = docx();
    const editor = headlessEditor();
    load(editor, readDocx(bytes).doc);
    editor.update(() => ($blocks()[0] as ElementNode).append($createTextNode('新增')), { discrete: true });
    const typed = faithfulSave(read(editor), bytes)!;
    expect(typed.losses).toEqual([]);
    expect(documentXml(typed.bytes)).toContain(oMath);
    expect(paragraphText(readDocx(typed.bytes).doc.blocks[0] as Paragraph)).toBe('由公式x=a+b可知结论新增');
    editor.update(() => $objectsIn(($blocks()[0] as ElementNode)).forEach((o) => o.remove()), { discrete: true });
    const deleted = faithfulSave(read(editor), bytes)!;
    expect(deleted.losses).toEqual([]);
    expect(documentXml(deleted.bytes)).not.toContain('oMath');
  });

  it('are found by 查找 (a match in one selects its chip) and never replaced', async () => {
    const { $collectSearchBlocks, findMatches, replaceMatches, selectMatch } = await import('../../../renderer/editor/find/search');
    const { $getSelection, $isRangeSelection } = await import('lexical');
    const editor = headlessEditor();
    load(editor, readDocx(docx()).doc);
    const blocks = editor.getEditorState().read(() => $collectSearchBlocks());
    const matches = findMatches(blocks, 'x=a', { matchCase: true });
    expect(matches).toEqual([
      { block: 0, start: 3, end: 6 },
      { block: 1, start: 3, end: 6 },
    ]);
    selectMatch(editor, blocks, matches[0]!);
    const selected = editor.getEditorState().read(() => {
      const sel = $getSelection();
      return $isRangeSelection(sel) ? sel.getNodes().filter($isInlineObjectNode).map((n) => n.getObject().kind) : [];
    });
    expect(selected).toEqual(['equation']);
    expect(replaceMatches(editor, blocks, matches, 'y')).toBe(1);
    expect(read(editor).blocks.map((b) => paragraphText(b as Paragraph))).toEqual(['由公式x=a+b可知结论', '另一段y']);
    // A match running from the text into the equation is not replaced either: it would delete the equation.
    const again = editor.getEditorState().read(() => $collectSearchBlocks());
    expect(replaceMatches(editor, again, findMatches(again, '公式x', { matchCase: true }), '')).toBe(0);
  });

  it('offsets after one (校对, the caret’s column) count its text, as the model does', async () => {
    const { $textSpan } = await import('../../../renderer/editor/textPieces');
    const editor = headlessEditor();
    load(editor, readDocx(docx()).doc);
    const spans = editor.getEditorState().read(() => {
      const para = ($blocks()[0] as ElementNode);
      const at = (start: number, end: number) => {
        const s = $textSpan(para, start, end);
        return s && [s.anchor[0].getTextContent().slice(s.anchor[1]), s.focus[1]];
      };
      return [at(8, 10), at(4, 6)];
    });
    expect(spans).toEqual([['可知结论', 2], null]);
  });
});

describe('note marks', () => {
  const W_NOTES = (n: number) => `<w:p><w:r><w:t>正文有注</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${n}"/></w:r><w:r><w:t>之后</w:t></w:r></w:p>`;

  it('are numbered in order, and kept when their paragraph is edited', () => {
    const docx = makeDocx({ body: `${p('首段')}${W_NOTES(5)}${W_NOTES(2)}` });
    const read1 = readDocx(docx).doc;
    const marks = read1.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs.filter((r) => r.object).map((r) => `${r.object!.kind}:${r.object!.label}`) : []));
    expect(marks).toEqual(['footnote:1', 'footnote:2']);
    const second = structuredClone(read1);
    (second.blocks[1] as Paragraph).runs.push({ text: '补充' });
    const saved = faithfulSave(second, docx)!;
    expect(saved.losses).toEqual([]);
    expect(documentXml(saved.bytes)).toMatch(/<w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:footnoteReference w:id="5"\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">之后<\/w:t><\/w:r>/);
  });
});

describe('the picture shown', () => {
  it('is the image part its relationship names, typed by its bytes', async () => {
    const { sourcePicture } = await import('../../../shared/docx/faithful/pictures');
    const fixture = fixtureBytes('docx', 'zh_wps_small_table.docx');
    const rel = readDocx(fixture).doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).find((r) => r.object?.kind === 'picture')!.object!.rel!;
    const picture = sourcePicture(fixture, rel)!;
    expect(picture.mime).toBe('image/jpeg');
    expect(picture.bytes).toEqual(unzipSync(fixture)['word/media/image1.jpeg']);
    // Not an image relationship, or no such id: nothing to show.
    expect(sourcePicture(fixture, 'rId1')).toBeNull();
    expect(sourcePicture(fixture, 'rId99')).toBeNull();
  });
});
