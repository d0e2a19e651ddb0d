/**
 * Paragraph roles as the user sees them: Chinese names and the layout a role brings with it
 * when applied (like applying a Word style resets the paragraph's alignment and indents).
 * Values follow GB/T 9704-2012 (see ../shared/docs/gbt9704.md).
 */
import type { Alignment, Indent, ParagraphRole } from './document';

export const ROLE_LABELS: Record<ParagraphRole, string> = {
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  body: '正文',
  salutation: '主送机关',
  signature: '署名',
  date: '成文日期',
};

export interface RoleLayout {
  align: Alignment;
  indent: Indent;
}

export const ROLE_LAYOUT: Record<ParagraphRole, RoleLayout> = {
  // 标题: centred, no indent.
  title: { align: 'center', indent: {} },
  // Headings and body: justified, first line indented two characters.
  heading1: { align: 'justify', indent: { firstLineChars: 2 } },
  heading2: { align: 'justify', indent: { firstLineChars: 2 } },
  heading3: { align: 'justify', indent: { firstLineChars: 2 } },
  heading4: { align: 'justify', indent: { firstLineChars: 2 } },
  body: { align: 'justify', indent: { firstLineChars: 2 } },
  // 主送机关: flush left (顶格).
  salutation: { align: 'justify', indent: {} },
  // 署名 right with two characters' space (右空二字), 成文日期 two characters further right
  // when no seal is used (7.3.5.2); the exporter refines this when the lengths differ.
  signature: { align: 'right', indent: { rightChars: 4 } },
  date: { align: 'right', indent: { rightChars: 2 } },
};

/**
 * Word's "set left- and first-indent with tabs and backspaces": Tab at the start of a paragraph
 * moves its indent by one default tab stop (two characters in Chinese Word), up to a limit that
 * leaves room for text on the 28-character line.
 */
export const TAB_STOP_CHARS = 2;
export const MAX_TAB_INDENT_CHARS = 24;
