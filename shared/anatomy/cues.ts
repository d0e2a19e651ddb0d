/**
 * What one paragraph's text alone says about its part in a 公文 (a cue); the anatomy pass
 * (frame.ts) decides the part from the cues and the paragraph's place. Computed once per
 * paragraph and cached with its BlockInfo, so the editor recomputes it only for edited blocks.
 */
import { isDateText, parseDate } from '../text/dates';

export type Cue =
  | ''
  | 'copy-number'
  | 'secrecy'
  | 'urgency'
  | 'issuer-mark'
  | 'doc-number'
  | 'signer'
  | 'subtitle'
  | 'dateline'
  | 'salutation'
  | 'addressee'
  | 'attachment-label'
  | 'attachment-list'
  | 'note'
  | 'cc'
  | 'imprint'
  | 'attendance';

/** Longer paragraphs are body text whatever they start with (cues are checked on short text only). */
const MAX_CUE_TEXT = 200;

/** 份号: six digits (7.2.1); drafts also write fewer, or 份号：000123. */
const COPY_NUMBER = /^(?:份号\s*[：:]\s*)?[0-9０-９]{3,6}$/;
/** 密级和保密期限: 绝密★长期, 机密★5年, 秘密 (7.2.2). */
const SECRECY = /^(?:绝密|机密|秘密)(?:\s*[★☆*＊]\s*[^\s，。；]{0,8})?$/;
/** 紧急程度: 特急, 加急 (7.2.3); also the older 特提 / 平急, and 急件. */
const URGENCY = /^(?:特急|加急|特提|平急|急件)$/;
/** 发文机关标志: "××市人民政府文件", "××部函", "××令", "××会议纪要" (7.2.4, 10). */
const ISSUER_MARK = /^([^\s，。；：:、“”《》（）()]{2,40}?)(?:文件|函|命令|令|纪要)$/;
/** A line of a joint issuance's 标志: an organ's name, or "文件" on its own. */
const ORGAN = /(?:中央|委员会|常委会|人民政府|政府|办公厅|办公室|委|厅|局|部|署|院|会|党组|党委|中心|总社|银行|公司|集团|大学|学校|支队|队|军区|处|科|所|站)$/;
/** 发文字号: 国办发〔2019〕3号 (7.2.5), with the mistakes people make ([2019], 第3号, spaces); 令号: 第12号. */
const DOC_NUMBER = /^(?:[\u4e00-\u9fa5A-Za-z×]{0,16}\s*[〔[［(（【]\s*[0-9０-９]{4}\s*[〕\]］)）】]\s*第?\s*[0-9０-９]{1,4}\s*号|第\s*[0-9０-９一二三四五六七八九十百〇零]{1,6}\s*号)(?:[\s\u3000]+签发人\s*[：:].*)?$/;
const SIGNER = /^签发人\s*[：:]/;
/** 副标题: "——在全市工作会议上的讲话". */
const SUBTITLE = /^(?:——|－－|--|—)\s*\S/;
/** A date line under a title: "（2026年1月25日）", "（2026年1月25日在……上）". */
const DATELINE = /^[（(](.+)[）)]$/;
/** 附注: a short note in brackets after the date: "（此件公开发布）", "（联系人：张三，电话：…）". */
const NOTE = /^[（(][^（）()]{1,40}[）)]$/;
const ATTACHMENT_LABEL = /^附件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?$/;
const ATTACHMENT_LIST = /^附件\s*[0-9０-９]*\s*[：:]/;
const CC = /^(?:抄送|抄报|分送|发送)\s*[：:]/;
/** 印发机关和印发日期: "××市人民政府办公室   2025年3月6日印发". */
const IMPRINT = /^(?:\S.*?[\s\u3000]+)?\S*日\s*(?:印发|翻印)$/;
const ATTENDANCE = /^(?:出席|请假|列席|缺席|参加|参会)(?:人员|单位|领导)?\s*[：:]/;
/**
 * One addressee of a 主送 ("各区县人民政府", "市政府各部门", "国务院各部委、各直属机构"): starts
 * with 各 or ends with an organ's or a group of organs' name.
 */
const ADDRESSEE = /^(?:各[\u4e00-\u9fa5]{1,20}|[\u4e00-\u9fa5×]{1,24}(?:中央|委员会|常委会|人民政府|政府|办公厅|办公室|委|厅|局|部|署|院|会|党组|党委|中心|银行|公司|集团|大学|单位|部门|机构|部委|直属机构|自治区|直辖市|兵团))$/;
/** "如下：" ends a sentence that introduces a list; a 主送 or 称谓 never does. */
const SALUTATION = /[：:]$/;

const LEADING = /^[\s\u3000]+/;

function imprintDate(t: string): boolean {
  const m = /(\S*日)\s*(?:印发|翻印)$/.exec(t);
  if (!m) return false;
  const date = /[0-9０-９〇○零一二三四五六七八九十]{2,4}\s*年.*日$/.exec(m[1]!.replace(/^.*?(?=[0-9０-９〇○零一二三四五六七八九十]{2,4}\s*年)/, ''));
  return !!date && parseDate(date[0]) !== null;
}

/** The cue of a paragraph's text (leading and trailing spaces ignored). */
export function cueOf(text: string): Cue {
  if (text.length > MAX_CUE_TEXT) return '';
  const t = text.replace(LEADING, '').trimEnd();
  if (t === '') return '';
  if (COPY_NUMBER.test(t)) return 'copy-number';
  if (SECRECY.test(t)) return 'secrecy';
  if (URGENCY.test(t)) return 'urgency';
  if (DOC_NUMBER.test(t)) return 'doc-number';
  if (SIGNER.test(t)) return 'signer';
  if (CC.test(t)) return 'cc';
  if (IMPRINT.test(t) && imprintDate(t)) return 'imprint';
  if (ATTENDANCE.test(t)) return 'attendance';
  if (ATTACHMENT_LABEL.test(t)) return 'attachment-label';
  if (ATTACHMENT_LIST.test(t)) return 'attachment-list';
  if (SUBTITLE.test(t) && t.length <= 60) return 'subtitle';
  const bracketed = DATELINE.exec(t);
  if (bracketed && startsWithDate(bracketed[1]!)) return 'dateline';
  if (NOTE.test(t)) return 'note';
  const mark = ISSUER_MARK.exec(t);
  // The organ (or the meeting of a 纪要) names itself: "××省教育厅函", not "邀请函".
  if (mark && !t.includes('关于') && (ORGAN.test(mark[1]!) || /会议$/.test(mark[1]!))) return 'issuer-mark';
  if (SALUTATION.test(t) && t.length <= 120 && !/[。；;！？]/.test(t) && !/如下[：:]$/.test(t)) return 'salutation';
  if (isAddresseeList(t)) return 'addressee';
  return '';
}

/**
 * A 主送 written without its colon: addressees separated by "、" or "，" (or one starting with 各),
 * nothing else. A single organ's name is left alone: it is as likely a 署名 or a title line.
 */
function isAddresseeList(t: string): boolean {
  if (t.length > 120 || /[。；;！？：:]$/.test(t)) return false;
  const names = t.split(/[，、,]/);
  if (names.length === 1 && !t.startsWith('各')) return false;
  return names.every((x) => ADDRESSEE.test(x));
}

function startsWithDate(inner: string): boolean {
  const t = inner.trim();
  if (isDateText(t)) return true;
  const m = /^(.{6,16}?日)/.exec(t);
  return !!m && isDateText(m[1]!);
}

/** An organ's name on a line of its own (a line of a joint issuance's 标志, or of a joint 署名). */
export function isOrganLine(text: string): boolean {
  const t = text.trim();
  return t === '文件' || (t.length >= 2 && t.length <= 30 && ORGAN.test(t) && !/[，。；：:、]/.test(t) && !t.includes('关于'));
}

/** The special format an issuer mark names (§10): 函 → 信函, 令 → 命令, 纪要; else the 文件格式. */
export function formatOfMark(text: string): 'document' | 'letter' | 'order' | 'minutes' {
  const t = text.trim();
  if (t.endsWith('纪要')) return 'minutes';
  if (t.endsWith('令')) return 'order';
  if (t.endsWith('函')) return 'letter';
  return 'document';
}
