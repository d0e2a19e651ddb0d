/**
 * Tab, Shift+Tab, Backspace and Esc in the text as Word does them (renderer/editor/wordKeys.ts),
 * in a headless editor: indents at a paragraph's start, a tab character elsewhere that the model,
 * the Word writer and .txt keep, and keys that are always the document's (never the browser's).
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { KEY_BACKSPACE_COMMAND, KEY_ESCAPE_COMMAND, KEY_TAB_COMMAND, type LexicalEditor, type TextNode } from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { paragraph, paragraphText, type Paragraph } from '../../../shared/model/document';
import { DEFAULT_EXPORT_FONTS } from '../../../shared/export/fonts';
import { writeDocx } from '../../../shared/docx/write/writeDocx';
import { defaultTextLayout, documentToPlainText } from '../../../shared/text/plainText';
import { registerWordKeys } from '../../../renderer/editor/wordKeys';
import type { WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import { readDocxParts } from '../../support/docxXml';
import { headlessEditor, load, read, undo } from './editorHarness';

let editor: LexicalEditor;

beforeEach(() => {
  editor = headlessEditor(true);
  registerWordKeys(editor);
});

/** A key event as Lexical passes it to commands; records whether the browser's default was stopped. */
function key(shiftKey = false) {
  const e = { shiftKey, defaultPrevented: false, preventDefault() { e.defaultPrevented = true; } };
  return e as unknown as KeyboardEvent & { defaultPrevented: boolean };
}

function caret(block: number, offset: number, focusBlock = block, focusOffset = offset) {
  editor.update(
    () => {
      const text = (b: number) => ($blocks()[b] as WgParagraphNode).getFirstChild() as TextNode;
      const sel = text(block).select(offset, offset);
      sel.focus.set(text(focusBlock).getKey(), focusOffset, 'text');
    },
    { discrete: true },
  );
}

function press(command: typeof KEY_TAB_COMMAND | typeof KEY_BACKSPACE_COMMAND | typeof KEY_ESCAPE_COMMAND, shift = false) {
  const e = key(shift);
  let handled = false;
  editor.update(() => void (handled = editor.dispatchCommand(command as typeof KEY_TAB_COMMAND, e)), { discrete: true });
  return { handled, prevented: e.defaultPrevented };
}

const blocks = () => read(editor).blocks as Paragraph[];
const indents = () => blocks().map((b) => [b.indent?.firstLineChars ?? 0, b.indent?.leftChars ?? 0]);

describe('Tab at the start of a paragraph indents it, as Word does', () => {
  it('gives a first-line indent, then raises the left indent; Shift+Tab and Backspace step back', () => {
    load(editor, { meta: {}, blocks: [paragraph('关于做好年度考核工作的通知')] });
    caret(0, 0);
    expect(press(KEY_TAB_COMMAND)).toEqual({ handled: true, prevented: true });
    expect(indents()).toEqual([[2, 0]]);
    press(KEY_TAB_COMMAND);
    press(KEY_TAB_COMMAND);
    expect(indents()).toEqual([[2, 4]]);
    expect(press(KEY_TAB_COMMAND, true)).toEqual({ handled: true, prevented: true });
    expect(indents()).toEqual([[2, 2]]);
    expect(press(KEY_BACKSPACE_COMMAND)).toEqual({ handled: true, prevented: true });
    expect(indents()).toEqual([[2, 0]]);
    press(KEY_BACKSPACE_COMMAND);
    expect(indents()).toEqual([[0, 0]]);
    // Nothing left to undo: Backspace is Lexical's again (it would join the previous paragraph).
    expect(press(KEY_BACKSPACE_COMMAND).handled).toBe(false);
    // Shift+Tab with no indent still keeps the key (the focus must not move), changing nothing.
    expect(press(KEY_TAB_COMMAND, true)).toEqual({ handled: true, prevented: true });
    expect(blocks().map(paragraphText)).toEqual(['关于做好年度考核工作的通知']);
  });

  it('raises a body paragraph (first line already indented) by its left indent; each step undoes alone', async () => {
    load(editor, { meta: {}, blocks: [paragraph('坚持稳中求进工作总基调。', { indent: { firstLineChars: 2 } })] });
    caret(0, 0);
    press(KEY_TAB_COMMAND);
    press(KEY_TAB_COMMAND);
    expect(indents()).toEqual([[2, 4]]);
    await undo(editor);
    expect(indents()).toEqual([[2, 2]]);
    expect(blocks().map(paragraphText)).toEqual(['坚持稳中求进工作总基调。']);
  });

  it('stops at the limit of the line instead of dropping the indent', () => {
    load(editor, { meta: {}, blocks: [paragraph('正文', { indent: { firstLineChars: 2 } })] });
    caret(0, 0);
    for (let i = 0; i < 30; i++) press(KEY_TAB_COMMAND);
    expect(indents()).toEqual([[2, 24]]);
  });

  it('moves the left indent of every selected paragraph', () => {
    load(editor, { meta: {}, blocks: [paragraph('第一段'), paragraph('第二段', { indent: { firstLineChars: 2 } }), paragraph('第三段')] });
    caret(0, 1, 1, 2);
    press(KEY_TAB_COMMAND);
    expect(indents()).toEqual([[0, 2], [2, 2], [0, 0]]);
    press(KEY_TAB_COMMAND, true);
    expect(indents()).toEqual([[0, 0], [2, 0], [0, 0]]);
    expect(blocks().map(paragraphText)).toEqual(['第一段', '第二段', '第三段']);
  });
});

describe('Tab elsewhere inserts a tab character', () => {
  it('stores it as "\\t" in the run, writes w:tab to Word and \\t to .txt', async () => {
    load(editor, { meta: {}, blocks: [paragraph('联系人张三电话12345678')] });
    caret(0, 5);
    expect(press(KEY_TAB_COMMAND)).toEqual({ handled: true, prevented: true });
    const doc = read(editor);
    expect(blocks().map(paragraphText)).toEqual(['联系人张三\t电话12345678']);
    expect(documentToPlainText(doc, defaultTextLayout('\n'))).toBe('联系人张三\t电话12345678\n');
    const xml = readDocxParts(await writeDocx(doc, { template: 'plain', fonts: { ...DEFAULT_EXPORT_FONTS }, author: '', heading3Bold: true, normalizeDates: false })).document;
    expect(xml).toMatch(/<w:t[^>]*>联系人张三<\/w:t><w:tab\/><w:t[^>]*>电话12345678<\/w:t>/);
  });

  it('replaces a selection inside one paragraph, as typing does', () => {
    load(editor, { meta: {}, blocks: [paragraph('甲乙丙丁')] });
    caret(0, 1, 0, 3);
    press(KEY_TAB_COMMAND);
    expect(blocks().map(paragraphText)).toEqual(['甲\t丁']);
  });
});

describe('Esc in the text', () => {
  it('is kept by the document (no blur) and changes nothing', () => {
    load(editor, { meta: {}, blocks: [paragraph('正文')] });
    caret(0, 1);
    expect(press(KEY_ESCAPE_COMMAND).handled).toBe(true);
    expect(blocks().map(paragraphText)).toEqual(['正文']);
  });
});
