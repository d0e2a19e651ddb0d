import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/model/document';
import { findInText } from '../../../renderer/editor/find/findText';
import { $collectSearchBlocks, findMatches, replaceMatches } from '../../../renderer/editor/find/search';
import { headlessEditor, load, read, undo } from './editorHarness';

const texts = (e: ReturnType<typeof headlessEditor>) => read(e).blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''));

describe('find', () => {
  it('finds non-overlapping matches, optionally ignoring case', () => {
    expect(findInText('aaaa', 'aa', { matchCase: true })).toEqual([[0, 2], [2, 4]]);
    expect(findInText('GB/T 与 gb/t', 'gb/t', { matchCase: false })).toHaveLength(2);
    expect(findInText('GB/T 与 gb/t', 'gb/t', { matchCase: true })).toHaveLength(1);
    expect(findInText('abc', '', { matchCase: false })).toEqual([]);
  });

  it('matches across differently formatted runs but not across paragraphs', () => {
    const editor = headlessEditor();
    load(editor, {
      meta: {},
      blocks: [
        { type: 'paragraph', runs: [{ text: '四个', bold: true }, { text: '意识' }] },
        paragraph('四个'),
        paragraph('意识'),
      ],
    });
    const blocks = editor.getEditorState().read(() => $collectSearchBlocks());
    expect(findMatches(blocks, '四个意识', { matchCase: true })).toEqual([{ block: 0, start: 0, end: 4 }]);
  });
});

describe('replace all', () => {
  it('replaces every match and undoes as one step', async () => {
    const editor = headlessEditor(true);
    load(editor, { meta: {}, blocks: [paragraph('XX市XX区'), paragraph('报送XX市委'), { type: 'paragraph', runs: [{ text: 'X', bold: true }, { text: 'X县' }] }] });
    const blocks = editor.getEditorState().read(() => $collectSearchBlocks());
    const matches = findMatches(blocks, 'XX', { matchCase: true });
    expect(matches).toHaveLength(4);
    expect(replaceMatches(editor, blocks, matches, '某某')).toBe(4);
    expect(texts(editor)).toEqual(['某某市某某区', '报送某某市委', '某某县']);
    await undo(editor);
    expect(texts(editor)).toEqual(['XX市XX区', '报送XX市委', 'XX县']);
  });

  it('can replace with nothing', () => {
    const editor = headlessEditor();
    load(editor, { meta: {}, blocks: [paragraph('（材料来源：网络）正文')] });
    const blocks = editor.getEditorState().read(() => $collectSearchBlocks());
    replaceMatches(editor, blocks, findMatches(blocks, '（材料来源：网络）', { matchCase: true }), '');
    expect(texts(editor)).toEqual(['正文']);
  });
});
