/** Registers the editing and formatting commands (menus, toolbar, shortcuts) on the editor. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useCommands } from '../app/commands';
import { openFindPanel } from './find/FindReplacePanel';
import { setAlignment, setParagraphRole, toggleFirstLineIndent } from './formatting';
import { syncSelectionFromDom } from './selectionSync';

export function EditorCommands() {
  const [editor] = useLexicalComposerContext();
  /** A command that acts on the selection: first the caret the user sees (a click just before). */
  const onSelection = (run: () => unknown) => () => {
    syncSelectionFromDom(editor);
    return run();
  };
  useCommands(
    {
      'edit.undo': () => editor.dispatchCommand(UNDO_COMMAND, undefined),
      'edit.redo': () => editor.dispatchCommand(REDO_COMMAND, undefined),
      'edit.find': () => openFindPanel('find'),
      'edit.replace': () => openFindPanel('replace'),
      'format.bold': onSelection(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')),
      'format.italic': onSelection(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')),
      'format.underline': onSelection(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')),
      'format.role.title': onSelection(() => setParagraphRole(editor, 'title')),
      'format.role.heading1': onSelection(() => setParagraphRole(editor, 'heading1')),
      'format.role.heading2': onSelection(() => setParagraphRole(editor, 'heading2')),
      'format.role.heading3': onSelection(() => setParagraphRole(editor, 'heading3')),
      'format.role.heading4': onSelection(() => setParagraphRole(editor, 'heading4')),
      'format.role.body': onSelection(() => setParagraphRole(editor, 'body')),
      'format.align.left': onSelection(() => setAlignment(editor, 'left')),
      'format.align.center': onSelection(() => setAlignment(editor, 'center')),
      'format.align.right': onSelection(() => setAlignment(editor, 'right')),
      'format.align.justify': onSelection(() => setAlignment(editor, 'justify')),
      'format.firstLineIndent': onSelection(() => toggleFirstLineIndent(editor)),
    },
    [editor],
  );
  return null;
}
