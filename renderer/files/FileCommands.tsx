/**
 * The file commands (新建/打开/保存/另存为) and everything else that brings files in: files named
 * at start or sent by the shell (recent-files menu, OS file association, a second launch), files
 * dropped onto the window, backups left by a crash. Also notices edits for the backups and checks
 * for outside changes when the window regains focus. Renders nothing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { api, pathOfDroppedFile } from '../api';
import { useCommands } from '../app/commands';
import { onEdit } from '../app/session';
import { notify } from '../app/dialogs';
import { checkOutsideChange, newDocument, offerBackups, openDocumentAt, saveDocument, scheduleBackup } from './fileActions';
import { fileStore, noteEdit } from './fileState';
import { chooseFileToOpen } from './pickPath';

let started = false;

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function FileCommands() {
  const [editor] = useLexicalComposerContext();

  useCommands(
    {
      'file.new': () => newDocument(editor),
      'file.open': async () => {
        const file = await chooseFileToOpen(fileStore.get().source?.path ?? null);
        return file ? openDocumentAt(editor, file) : false;
      },
      'file.save': () => saveDocument(editor, false),
      'file.saveAs': () => saveDocument(editor, true),
    },
    [editor],
  );

  // Edits: counted (a save knows whether typing happened meanwhile) and backed up.
  useEffect(
    () =>
      onEdit(() => {
        noteEdit();
        scheduleBackup(editor);
      }),
    [editor],
  );

  // At start: restore what a crash left, then open the files named on the command line. Both
  // lists are asked for at once (one round trip, not two); the files open only after the backups
  // were offered, so a restore is never opened over or offered after the user typed into a file.
  useEffect(() => {
    if (started) return;
    started = true;
    const backups = api.listBackups().catch(() => []);
    const startupFiles = api.takeStartupFiles().catch(() => [] as string[]);
    void (async () => {
      await offerBackups(editor, await backups);
      const files = await startupFiles;
      if (files[0]) await openDocumentAt(editor, files[0]);
      if (files.length > 1) notify(`一次只能打开一个文稿，已打开“${files[0]}”。`, 'warning');
    })();
  }, [editor]);

  // Files sent by the shell: recent-files menu, OS file association, second launch.
  useEffect(() => api.on('openFile', ({ path }) => void openDocumentAt(editor, path)), [editor]);

  // Another program may have changed the file while the window was in the background.
  useEffect(() => {
    const onFocus = () => void checkOutsideChange(editor);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [editor]);

  // Files dropped onto the window. Text dragged inside the editor is left to the editor.
  useEffect(() => {
    const highlight = (on: boolean) => document.querySelector('.app')?.classList.toggle('drop-target', on);
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      highlight(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) highlight(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      highlight(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      const first = files[0];
      if (!first) return;
      const file = pathOfDroppedFile(first);
      if (!file) {
        notify('浏览器中无法取得拖入文件的位置，请用“打开”（Ctrl+O）输入文件路径。', 'warning');
        return;
      }
      if (files.length > 1) notify(`一次只能打开一个文稿，将打开“${first.name}”。`, 'warning');
      void openDocumentAt(editor, file);
    };
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [editor]);

  return null;
}
