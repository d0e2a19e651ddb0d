/**
 * 新建 from a 文种: the templates of the documents a drafter starts most often, as data. Each
 * holds the parts its 文种 needs (版头, 标题, 主送, 正文 with its usual headings, the closing
 * phrase, 附件说明, 署名, 成文日期, 版记) with each paragraph's part set, and the fields to fill as
 * ×× placeholders (shared/corpus/slots.ts). The 标志 of a 函 or 纪要 is left to the anatomy, which
 * takes the special format from it (an explicit issuer-mark role does not carry the format yet).
 */
import { paragraph, type Block, type WgDocument } from '../model/document';
import type { DocumentPart } from '../model/parts';

export interface DocumentTemplate {
  /** Stable id (the CLI's `wengao new ID`). */
  id: string;
  /** 文种 as the menu shows it. */
  name: string;
  /** One line for the menu's tooltip. */
  hint: string;
  /** Paragraphs: "part|text" sets the part; plain text is body text. */
  lines: readonly string[];
}

const DATE = '××××年××月××日';

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: 'notice',
    name: '通知',
    hint: '下行文：版头、标题、主送机关、正文、附件说明、落款和版记',
    lines: [
      'issuer-mark|××××××文件',
      'doc-number|××发〔××××〕××号',
      'title|××××关于××××的通知',
      'salutation|××××，××××：',
      '为××××，根据××××，现就××××有关事项通知如下。',
      'heading1|一、××××',
      '××××。',
      'heading1|二、××××',
      '××××。',
      'heading1|三、工作要求',
      '××××。',
      '特此通知。',
      'attachment-list|附件：××××',
      'signature|××××××',
      `date|${DATE}`,
      'cc|抄送：××××，××××。',
      `imprint|××××办公室 ${DATE}印发`,
    ],
  },
  {
    id: 'request',
    name: '请示',
    hint: '上行文：发文字号居左、签发人居右，一文一事，结尾“妥否，请批示。”',
    lines: [
      'issuer-mark|××××××文件',
      'doc-number|××〔××××〕××号',
      'signer|签发人：×××',
      'title|××××关于××××的请示',
      'salutation|××××：',
      '为××××，根据××××，现将××××请示如下：',
      'heading1|一、基本情况',
      '××××。',
      'heading1|二、请示事项',
      '××××。',
      '妥否，请批示。',
      'signature|××××××',
      `date|${DATE}`,
      'note|（联系人：×××，电话：××××××××）',
    ],
  },
  {
    id: 'report',
    name: '报告',
    hint: '上行文：向上级汇报工作、反映情况，结尾“特此报告。”',
    lines: [
      'title|××××关于××××情况的报告',
      'salutation|××××：',
      '根据××××要求，现将××××有关情况报告如下：',
      'heading1|一、主要工作及成效',
      '××××。',
      'heading1|二、存在的问题',
      '××××。',
      'heading1|三、下一步工作打算',
      '××××。',
      '特此报告。',
      'signature|××××××',
      `date|${DATE}`,
    ],
  },
  {
    id: 'letter',
    name: '函',
    hint: '信函格式：标志距页面上边30毫米，上下红色双线，结尾“特此函告。”',
    lines: [
      'issuer-mark|××××××函',
      'doc-number|××函〔××××〕××号',
      'title|××××关于××××的函',
      'salutation|××××：',
      '为××××，现就××××函告如下：',
      '××××。',
      '特此函告。',
      'signature|××××××',
      `date|${DATE}`,
      'cc|抄送：××××。',
    ],
  },
  {
    id: 'minutes',
    name: '纪要',
    hint: '纪要格式：会议情况、议定事项，文末列出席、请假、列席人员',
    lines: [
      'issuer-mark|××××会议纪要',
      'doc-number|〔××××〕××号',
      'title|××××会议纪要',
      `${DATE}，×××在××××主持召开××××会议，研究××××。现将会议议定事项纪要如下：`,
      'heading1|一、××××',
      '会议指出，××××。',
      'heading1|二、××××',
      '会议强调，××××。',
      'attendance|出席：××××',
      'attendance|请假：××××',
      'attendance|列席：××××',
    ],
  },
  {
    id: 'speech',
    name: '讲话稿',
    hint: '标题、副标题或讲话人和日期，称谓“同志们：”，结尾致谢',
    lines: [
      'title|在××××会议上的讲话',
      'byline|×××',
      `dateline|（${DATE}）`,
      'salutation|同志们：',
      '今天，我们召开××××会议，主要任务是××××。下面，我讲几点意见。',
      'heading1|一、提高政治站位，深刻认识××××的重要意义',
      '××××。',
      'heading1|二、突出工作重点，扎实推进××××',
      '××××。',
      'heading1|三、强化责任落实，确保××××取得实效',
      '××××。',
      '同志们，××××。让我们××××，为××××作出新的更大贡献！',
      '谢谢大家！',
    ],
  },
  {
    id: 'summary',
    name: '工作总结',
    hint: '年度或阶段工作总结：成效、问题、下步打算',
    lines: [
      'title|××××××××年工作总结',
      '××××年，在××××的坚强领导下，我们坚持××××，××××。现将全年工作总结如下：',
      'heading1|一、主要工作及成效',
      'heading2|（一）××××。',
      '××××。',
      'heading2|（二）××××。',
      '××××。',
      'heading1|二、存在的问题和不足',
      '××××。',
      'heading1|三、××××年工作打算',
      '××××。',
      'signature|××××××',
      `date|${DATE}`,
    ],
  },
  {
    id: 'duty-report',
    name: '述职报告',
    hint: '个人年度述职述廉：学习、履职、作风、廉洁、不足和努力方向',
    lines: [
      'title|述职报告',
      'byline|×××',
      'salutation|各位领导、同志们：',
      '根据××××安排，现将本人××××年度履职情况报告如下，请予评议。',
      'heading1|一、加强学习，不断提高政治素质和业务能力',
      '××××。',
      'heading1|二、履职尽责，推动各项工作落地见效',
      '××××。',
      'heading1|三、严守纪律，廉洁自律',
      '××××。',
      'heading1|四、存在的不足和今后努力方向',
      '××××。',
      '以上报告，请予评议。',
      'signature|×××',
      `date|${DATE}`,
    ],
  },
];

/** A template by id or by its Chinese name (通知, 请示…), or null. */
export function findTemplate(key: string): DocumentTemplate | null {
  const k = key.trim();
  return DOCUMENT_TEMPLATES.find((t) => t.id === k || t.name === k) ?? null;
}

/** The new document a template gives. */
export function documentFromTemplate(t: DocumentTemplate): WgDocument {
  const blocks: Block[] = t.lines.map((line) => {
    const m = /^([a-z0-9-]+)\|(.*)$/.exec(line);
    return m ? paragraph(m[2]!, { role: m[1] as DocumentPart }) : paragraph(line);
  });
  return { meta: {}, blocks };
}
