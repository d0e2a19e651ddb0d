/**
 * Pictures, drawings, page breaks and note marks from a .docx through the editor (issue #11): they
 * are inline objects the editor holds; a paragraph holding one can be edited and the save writes
 * the object's original XML back, without asking; a deleted one is gone, a moved one moves.
 */
import { strFromU8, unzipSync } from 'fflate';
import { $createTextNode, $getRoot, $isElementNode, type ElementNode } from 'lexical';
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
const objectXml = (d: WgDocument, index: number) => {
  const at = (d.blocks[index] as Paragraph).runs.find((r) => r.object)!.object!.at!;
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
      const para = $getRoot().getChildAtIndex(index);
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
    const kinds = editor.getEditorState().read(() => $getRoot().getChildren().flatMap((c) => ($isElementNode(c) ? $objectsIn(c).map((o) => o.getObject().kind) : [])));
    expect(kinds).toEqual(expect.arrayContaining(['picture', 'pageBreak', 'drawing']));
  });

  it.each(['picture', 'drawing', 'pageBreak'])('a %s survives typing into its paragraph, without a question', (kind) => {
    const index = indexOf(doc, kind);
    expect(index).toBeGreaterThanOrEqual(0);
    const original = objectXml(doc, index);
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
        const source = $getRoot().getChildAtIndex(from) as ElementNode;
        const target = $getRoot().getChildAtIndex(to) as ElementNode;
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
