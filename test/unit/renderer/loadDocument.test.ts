/** Opening a document resets undo history, and the first edit after it can be undone back to it. */
import { $blocks } from '../../../renderer/editor/blocks';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../renderer/editor/load';
import { paragraph, paragraphText } from '../../../shared/model/document';
import { headlessEditor, read, undo } from './editorHarness';

describe('loadDocument', () => {
  it('makes the loaded document the state undo goes back to', async () => {
    const editor = headlessEditor(true);
    loadDocument(editor, { meta: {}, blocks: [paragraph('旧文稿')] });
    editor.update(() => $blocks()[0]!.selectEnd().insertText('甲'), { discrete: true });
    loadDocument(editor, { meta: {}, blocks: [paragraph('一、总体要求')] });
    editor.update(() => $blocks()[0]!.selectEnd().insertText('和目标'), { discrete: true });
    const text = () => read(editor).blocks.map((b) => (b.type === 'paragraph' ? paragraphText(b) : '')).join('|');
    expect(text()).toBe('一、总体要求和目标');
    await undo(editor);
    expect(text()).toBe('一、总体要求');
    // …and no further: the previous document is not in the history.
    await undo(editor);
    expect(text()).toBe('一、总体要求');
  });
});
