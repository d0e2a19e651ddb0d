/** Registers the editing and formatting commands (menus, toolbar, shortcuts) on the editor. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useCommands } from '../app/commands';
import { openFindPanel } from './find/FindReplacePanel';
import { setAlignment, setParagraphRole, toggleFirstLineIndent } from './formatting';

export function EditorCommands() {
  const [editor] = useLexicalComposerContext();
  useCommands(
    {
      'edit.undo': () => editor.dispatchCommand(UNDO_COMMAND, undefined),
      'edit.redo': () => editor.dispatchCommand(REDO_COMMAND, undefined),
      'edit.find': () => openFindPanel('find'),
      'edit.replace': () => openFindPanel('replace'),
      'format.bold': () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
      'format.italic': () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
      'format.underline': () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'),
      'format.role.title': () => setParagraphRole(editor, 'title'),
      'format.role.heading1': () => setParagraphRole(editor, 'heading1'),
      'format.role.heading2': () => setParagraphRole(editor, 'heading2'),
      'format.role.heading3': () => setParagraphRole(editor, 'heading3'),
      'format.role.heading4': () => setParagraphRole(editor, 'heading4'),
      'format.role.body': () => setParagraphRole(editor, 'body'),
      'format.align.left': () => setAlignment(editor, 'left'),
      'format.align.center': () => setAlignment(editor, 'center'),
      'format.align.right': () => setAlignment(editor, 'right'),
      'format.align.justify': () => setAlignment(editor, 'justify'),
      'format.firstLineIndent': () => toggleFirstLineIndent(editor),
    },
    [editor],
  );
  return null;
}
