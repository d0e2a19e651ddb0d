/** Putting a document into the editor and reading it back (kept apart from the React shell). */
import { CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical';
import type { WgDocument } from '../../shared/model/document';
import { $exportDocument, $importDocument } from './documentModel';
import { LOAD_TAG } from './tags';

/**
 * Replaces the editor's content; clears undo history (loading is not an edit). History is
 * cleared first, so the loaded state becomes the history's current entry and the first edit
 * after loading can be undone back to it (cleared after, the first edit had nothing to go back to).
 */
export function loadDocument(editor: LexicalEditor, doc: WgDocument): void {
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  editor.update(() => $importDocument(doc), { tag: LOAD_TAG, discrete: true });
}

export function readDocument(editor: LexicalEditor, meta: WgDocument['meta'] = {}): WgDocument {
  return editor.getEditorState().read(() => $exportDocument(meta));
}
