/**
 * The parts of a 公文 (GB/T 9704-2012 §7, §10): the vocabulary the document anatomy
 * (`shared/anatomy/`), the paragraph roles, the editor's look, the print view, the Word writer and
 * the CLI share. The anatomy pass assigns one part to every paragraph; a paragraph role set by the
 * user or the importer is a part given by hand, and always wins.
 *
 * The string values are stable: they appear in `wengao outline --json` ("parts") and in .wgd files.
 */
export const DOCUMENT_PARTS = [
  // 版头 (7.2)
  'copy-number', // 份号
  'secrecy', // 密级和保密期限
  'urgency', // 紧急程度
  'issuer-mark', // 发文机关标志
  'doc-number', // 发文字号
  'signer', // 签发人 (上行文)
  // 主体 (7.3)
  'title', // 标题 (one or more lines)
  'subtitle', // 副标题 "——在……会议上的讲话"
  'byline', // 署名行 under a title (speaker, author)
  'dateline', // 日期行 under a title "（2026年1月25日）"
  'salutation', // 主送机关 / 称谓 ("同志们：")
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'body', // 正文
  'attachment-list', // 附件说明 "附件：1.……"
  'signature', // 发文机关署名
  'date', // 成文日期
  'note', // 附注 "（此件公开发布）"
  'attendance', // 纪要: 出席 / 请假 / 列席
  'attachment-label', // "附件1"
  'attachment-title', // an attachment's title
  // 版记 (7.4)
  'cc', // 抄送机关
  'imprint', // 印发机关和印发日期
] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

export const PART_LABELS: Record<DocumentPart, string> = {
  'copy-number': '份号',
  secrecy: '密级和保密期限',
  urgency: '紧急程度',
  'issuer-mark': '发文机关标志',
  'doc-number': '发文字号',
  signer: '签发人',
  title: '标题',
  subtitle: '副标题',
  byline: '署名行',
  dateline: '日期行',
  salutation: '主送机关',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  body: '正文',
  'attachment-list': '附件说明',
  signature: '署名',
  date: '成文日期',
  note: '附注',
  attendance: '出席/请假/列席',
  'attachment-label': '附件标识',
  'attachment-title': '附件标题',
  cc: '抄送机关',
  imprint: '印发机关和印发日期',
};

/** The special formats of §10, and the ordinary 文件格式. */
export const DOCUMENT_FORMATS = ['document', 'letter', 'order', 'minutes'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
