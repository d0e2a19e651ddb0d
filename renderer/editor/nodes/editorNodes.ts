/** The nodes every Wengao editor is made with (the app's and the tests' headless ones). */
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { ParagraphNode, type CreateEditorArgs } from 'lexical';
import { BlockGroupNode } from './BlockGroupNode';
import { InlineObjectNode } from './InlineObjectNode';
import { WgParagraphNode } from './WgParagraphNode';

export const EDITOR_NODES: NonNullable<CreateEditorArgs['nodes']> = [
  BlockGroupNode,
  WgParagraphNode,
  { replace: ParagraphNode, with: () => new WgParagraphNode(), withKlass: WgParagraphNode },
  TableNode,
  TableRowNode,
  TableCellNode,
  InlineObjectNode,
];
