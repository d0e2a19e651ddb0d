/** A headless Lexical editor with the app's nodes, for testing editor logic without a DOM. */
import { registerBlockGroups } from '../../../renderer/editor/blocks';
import { $isBlockGroupNode, GROUP_SIZE } from '../../../renderer/editor/nodes/BlockGroupNode';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { $getRoot, $isDecoratorNode, $isElementNode, $isTextNode, CAN_UNDO_COMMAND, COMMAND_PRIORITY_CRITICAL, HISTORIC_TAG, UNDO_COMMAND, createEditor, type LexicalEditor, type LexicalNode } from 'lexical';
import type { WgDocument } from '../../../shared/model/document';
import { $exportDocument, $importDocument } from '../../../renderer/editor/documentModel';
import { EDITOR_NODES } from '../../../renderer/editor/nodes/editorNodes';

export function headlessEditor(withHistory = false): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerBlockGroups(editor);
  if (withHistory) {
    registerHistory(editor, createEmptyHistoryState(), 0);
    editor.registerCommand(
      CAN_UNDO_COMMAND,
      (can) => {
        if (can) undoable.add(editor);
        else undoable.delete(editor);
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    );
  }
  return editor;
}

const undoable = new WeakSet<LexicalEditor>();

/**
 * Undoes one step; resolves once the restored state is committed (at once when there is nothing
 * to undo). An undo may first commit what is pending, also tagged historic: the swap is the update
 * that marks the root dirty.
 */
export function undo(editor: LexicalEditor): Promise<void> {
  if (!undoable.has(editor)) {
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const off = editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (!tags.has(HISTORIC_TAG) || dirtyElements.size === 0) return;
      off();
      resolve();
    });
    editor.dispatchCommand(UNDO_COMMAND, undefined);
  });
}

export function load(editor: LexicalEditor, doc: WgDocument): void {
  editor.update(() => $importDocument(doc), { discrete: true });
}

export function read(editor: LexicalEditor): WgDocument {
  return editor.getEditorState().read(() => $exportDocument());
}

/**
 * A MessageChannel that delivers at once: with it, what the app runs after a frame is painted
 * (renderer/editor/status.ts afterPaint: an animation frame, then a message) runs with the frame,
 * so a test that runs the frames knows what is published.
 */
export class SyncMessageChannel {
  readonly port1: { onmessage: (() => void) | null; close(): void } = { onmessage: null, close: () => {} };
  readonly port2 = { postMessage: () => this.port1.onmessage?.() };
}

/** The root holds only groups of 1–2×GROUP_SIZE blocks; a group holds blocks only (no group, no inline node). */
export function blockGroupProblems(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => {
    const problems: string[] = [];
    $getRoot()
      .getChildren()
      .forEach((g: LexicalNode, i: number) => {
        if (!$isBlockGroupNode(g)) return problems.push(`root child ${i} is a ${g.getType()}`);
        const size = g.getChildrenSize();
        if (size < 1 || size > 2 * GROUP_SIZE) problems.push(`group ${i} holds ${size} blocks`);
        for (const b of g.getChildren()) {
          if ($isBlockGroupNode(b)) problems.push(`group ${i} holds a group`);
          else if ($isTextNode(b) || b.isInline() || !($isElementNode(b) || $isDecoratorNode(b))) problems.push(`group ${i} holds a ${b.getType()}`);
        }
      });
    return problems;
  });
}
