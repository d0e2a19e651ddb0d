/** Publishes the caret position and the formatting at the selection for the toolbar and status bar. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $isTextNode, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';
import { $blockNumber, $blockOf } from '../blocks';
import { $selectedParagraphs } from '../formatting';
import { caretStore, historyStore, afterPaint, selectionStore } from '../status';
import { $offsetInParagraph } from '../textPieces';

export function SelectionInfoPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const publish = afterPaint(() => {
      editor.getEditorState().read(() => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel)) return;
        const anchorNode = sel.anchor.getNode();
        const top = $blockOf(anchorNode);
        const paragraph = top ? $blockNumber(top) + 1 : 1;
        // Column: characters before the caret (a selection: where it was started) within its paragraph.
        let column = 1;
        const paras = $selectedParagraphs();
        const para = paras[0];
        if (para && $isTextNode(anchorNode)) {
          // An equation before the caret counts its characters, as 字数 does.
          column = ($offsetInParagraph(para, anchorNode, sel.anchor.offset) ?? 0) + 1;
        } else if (para && anchorNode.is(para)) {
          // Between objects (after an equation's chip): what the children before the caret hold.
          column = para.getChildren().slice(0, sel.anchor.offset).reduce((n, c) => n + c.getTextContentSize(), 0) + 1;
        }
        const first = para;
        caretStore.set({ paragraph, column, selectedChars: sel.isCollapsed() ? 0 : sel.getTextContent().length });
        selectionStore.set({
          bold: sel.hasFormat('bold'),
          italic: sel.hasFormat('italic'),
          underline: sel.hasFormat('underline'),
          role: first ? first.getRole() : null,
          blockKey: top ? top.getKey() : null,
          align: first ? ((first.getFormatType() || null) as 'left' | 'center' | 'right' | 'justify' | null) : null,
          firstLineIndent: paras.length > 0 && paras.every((p) => p.getFirstLineChars() > 0),
        });
      });
    });
    publish.schedule();
    return mergeRegister(
      editor.registerUpdateListener(() => publish.schedule()),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          historyStore.set((s) => (s.canUndo === canUndo ? s : { ...s, canUndo }));
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          historyStore.set((s) => (s.canRedo === canRedo ? s : { ...s, canRedo }));
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      () => publish.cancel(),
    );
  }, [editor]);
  return null;
}
