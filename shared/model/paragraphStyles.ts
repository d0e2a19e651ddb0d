/**
 * Paragraph roles as the user sees them: Chinese names, the toolbar's groups, and the layout a
 * role brings with it when applied (like applying a Word style resets the paragraph's alignment
 * and indents). Values follow GB/T 9704-2012 (see ../shared/docs/gbt9704.md).
 */
import type { Alignment, Indent, ParagraphRole } from './document';
import { PART_LABELS } from './parts';

export const ROLE_LABELS: Record<ParagraphRole, string> = PART_LABELS;

/** The roles by the three parts of a 公文 (7.1), as the toolbar's role list groups them. */
export const ROLE_GROUPS: ReadonlyArray<{ label: string; roles: readonly ParagraphRole[] }> = [
  { label: '版头', roles: ['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'signer'] },
  {
    label: '主体',
    roles: ['title', 'subtitle', 'byline', 'dateline', 'salutation', 'heading1', 'heading2', 'heading3', 'heading4', 'body', 'attachment-list', 'signature', 'date', 'note', 'attendance', 'attachment-label', 'attachment-title'],
  },
  { label: '版记', roles: ['cc', 'imprint'] },
];

export interface RoleLayout {
  align: Alignment;
  indent: Indent;
}

const FLUSH_LEFT: RoleLayout = { align: 'left', indent: {} };
const CENTRED: RoleLayout = { align: 'center', indent: {} };
const BODY: RoleLayout = { align: 'justify', indent: { firstLineChars: 2 } };

export const ROLE_LAYOUT: Record<ParagraphRole, RoleLayout> = {
  // 版头: 份号, 密级, 紧急程度 flush left (7.2.1–7.2.3); 标志 and 发文字号 centred (7.2.4, 7.2.5);
  // 签发人 right, one character in (7.2.6).
  'copy-number': FLUSH_LEFT,
  secrecy: FLUSH_LEFT,
  urgency: FLUSH_LEFT,
  'issuer-mark': CENTRED,
  'doc-number': CENTRED,
  signer: { align: 'right', indent: { rightChars: 1 } },
  // 标题 and what stands under it in reports and speeches: centred, no indent.
  title: CENTRED,
  subtitle: CENTRED,
  byline: CENTRED,
  dateline: CENTRED,
  // Headings and body: justified, first line indented two characters.
  heading1: BODY,
  heading2: BODY,
  heading3: BODY,
  heading4: BODY,
  body: BODY,
  // 主送机关: flush left (顶格).
  salutation: { align: 'justify', indent: {} },
  // 附件说明 two characters in (7.3.4); the exporter hangs a wrapped name under the name.
  'attachment-list': BODY,
  // 署名 right with two characters' space (右空二字), 成文日期 two characters further right
  // when no seal is used (7.3.5.2); the exporter refines this when the lengths differ.
  signature: { align: 'right', indent: { rightChars: 4 } },
  date: { align: 'right', indent: { rightChars: 2 } },
  // 附注 and 纪要's 出席/请假/列席: two characters in (7.3.6, 10.3).
  note: BODY,
  attendance: BODY,
  // 附件 label flush left, its title centred (7.3.7).
  'attachment-label': FLUSH_LEFT,
  'attachment-title': CENTRED,
  // 版记: one character in on both sides (7.4.2, 7.4.3).
  cc: { align: 'justify', indent: { leftChars: 1, rightChars: 1 } },
  imprint: { align: 'justify', indent: { leftChars: 1, rightChars: 1 } },
};
