/** A headless Lexical editor with the app's nodes, for testing editor logic without a DOM. */
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { ParagraphNode, createEditor, type LexicalEditor } from 'lexical';
import type { WgDocument } from '../../../shared/model/document';
import { $exportDocument, $importDocument } from '../../../renderer/editor/documentModel';
import { WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';

export function headlessEditor(withHistory = false): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [WgParagraphNode, { replace: ParagraphNode, with: () => new WgParagraphNode(), withKlass: WgParagraphNode }, TableNode, TableRowNode, TableCellNode],
    onError: (e) => {
      throw e;
    },
  });
  if (withHistory) registerHistory(editor, createEmptyHistoryState(), 0);
  return editor;
}

export function load(editor: LexicalEditor, doc: WgDocument): void {
  editor.update(() => $importDocument(doc), { discrete: true });
}

export function read(editor: LexicalEditor): WgDocument {
  return editor.getEditorState().read(() => $exportDocument());
}
