/**
 * The Lexical editor on a page-like sheet. Nodes (nodes/editorNodes.ts): our paragraph (replacing
 * Lexical's), tables, inline objects (pictures, breaks, note marks from a .docx), and the groups
 * the blocks are held in (blocks.ts).
 * Plugins here are the always-on ones; features add theirs as children of <EditorShell>.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, type EditorThemeClasses } from 'lexical';
import { useEffect, type ReactNode } from 'react';
import type { WgDocument } from '../../shared/model/document';
import { paragraph } from '../../shared/model/document';
import { recordEdit } from '../app/session';
import { $importDocument } from './documentModel';
import { EDITOR_NODES } from './nodes/editorNodes';
import { setPictureLoader } from './nodes/InlineObjectNode';
import { registerBlockGroups } from './blocks';
import { api } from '../api';
import { SelectionInfoPlugin } from './plugins/SelectionInfoPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { LOAD_TAG } from './tags';
import { registerSelectionSync } from './selectionSync';
import { registerWordKeys } from './wordKeys';
import { installPartRules } from './partRules';

export { LOAD_TAG } from './tags';

const theme: EditorThemeClasses = {
  paragraph: 'wg-p',
  text: {
    bold: 'wg-bold',
    italic: 'wg-italic',
    underline: 'wg-underline',
    strikethrough: 'wg-strike',
    underlineStrikethrough: 'wg-underline-strike',
  },
  table: 'wg-table',
  tableRow: 'wg-tr',
  tableCell: 'wg-td',
  tableCellHeader: 'wg-th',
  tableSelection: 'wg-table-selection',
  tableCellSelected: 'wg-td-selected',
};

// Pictures come from the open document's source package, read by the services (a data: URL).
setPictureLoader((pkg, rel) => api.getSourcePicture({ package: pkg, rel }));

/** A new document: one empty body paragraph. */
export function newDocumentModel(): WgDocument {
  return { meta: {}, blocks: [paragraph('', { align: 'justify', indent: { firstLineChars: 2 } })] };
}

export { loadDocument, readDocument } from './load';

function DirtyTrackingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(LOAD_TAG)) return;
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) recordEdit();
      }),
    [editor],
  );
  return null;
}

/**
 * Esc, Tab, Shift+Tab and Backspace as Word does them; no key leaves the focus on nothing; keys
 * act on the caret the user sees (see selectionSync.ts).
 */
function WordKeysPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => mergeRegister(registerSelectionSync(editor), registerWordKeys(editor)), [editor]);
  return null;
}

/** Tables Lexical puts straight into the root join a group of blocks (blocks.ts). */
function BlockGroupsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBlockGroups(editor), [editor]);
  return null;
}

/** The composer and the always-on plugins; the app's layout goes inside as children. */
export function EditorShell({ children }: { children?: ReactNode }) {
  const initialConfig: InitialConfigType = {
    namespace: 'wengao',
    theme,
    nodes: EDITOR_NODES,
    onError: (error) => {
      console.error(error);
    },
    editorState: () => $importDocument(newDocumentModel()),
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <HistoryPlugin />
      <TablePlugin hasCellMerge hasCellBackgroundColor={false} hasTabHandler />
      <BlockGroupsPlugin />
      <DirtyTrackingPlugin />
      <WordKeysPlugin />
      <WordCountPlugin />
      <SelectionInfoPlugin />
      {children}
    </LexicalComposer>
  );
}

/** The editable page itself (data-testid="editor"). */
export function EditorSurface() {
  useEffect(installPartRules, []);
  return (
    <RichTextPlugin
      contentEditable={
        <ContentEditable
          className="editor-content"
          data-testid="editor"
          aria-label="文稿正文"
          spellCheck={false}
          autoCorrect="off"
          autoCapitalize="off"
        />
      }
      ErrorBoundary={LexicalErrorBoundary}
    />
  );
}
