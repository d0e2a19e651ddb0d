/**
 * 公文要素 (GB/T 9704-2012) on the document's anatomy, and 文种 rules (《党政机关公文处理工作条例》):
 * the 发文字号 form, the colon after the 主送机关, no punctuation after 附件 names, the 成文日期 in
 * Arabic digits, a title without end punctuation; a 报告 that asks for approval, a 请示 copied to
 * subordinates or sent to several superiors, "关于对…的批复", "关于请求…的请示".
 */
import type { DocumentPart } from '../model/parts';
import { normalizeDate } from '../text/dates';
import type { Finding } from './types';

const GB = 'GB/T 9704-2012';
const TIAOLI = '《党政机关公文处理工作条例》';

export type Genre = '报告' | '请示' | '批复' | '通知' | '意见' | '函' | '通报' | '决定' | '纪要' | '';

/** The 文种 a title names, by its last word. */
export function genreOfTitle(title: string): Genre {
  const t = title.replace(/[\s\u3000]+/g, '');
  const m = /(报告|请示|批复|通知|意见|函|通报|决定|纪要)$/.exec(t);
  return (m?.[1] as Genre) ?? '';
}

const f = (start: number, end: number, rule: string, authority: Finding['authority'], message: string, suggestion: string | null): Finding => ({
  start,
  end,
  category: 'gongwen',
  authority,
  rule,
  message,
  suggestion,
});

function docNumber(text: string): Finding[] {
  const m = /^(\s*)([\u4e00-\u9fa5A-Za-z]{1,16})([〔［[(（【{｛])\s*(\d{2,4})\s*([〕］\])）】}｝])\s*(第?)\s*(0*)(\d+)\s*号\s*$/.exec(text);
  if (!m) return [];
  const [, lead, org, open, year, close, di, zeros, num] = m;
  const fullYear = year!.length === 2 ? `20${year}` : year!;
  const fixed = `${org}〔${fullYear}〕${num}号`;
  const flaws: string[] = [];
  if (open !== '〔' || close !== '〕') flaws.push('年份用六角括号“〔〕”');
  if (year!.length !== 4) flaws.push('年份标全称');
  if (di) flaws.push('序号不加“第”');
  if (zeros) flaws.push('序号不编虚位');
  if (flaws.length === 0) return [];
  const start = lead!.length;
  return [f(start, text.trimEnd().length, 'doc-number', '规定', `发文字号应${flaws.join('、')}：“${fixed}”（${GB} 7.2.4）`, fixed)];
}

function salutation(text: string): Finding[] {
  const t = text.trimEnd();
  if (t.endsWith('：')) return [];
  if (/[:]$/.test(t)) return [f(t.length - 1, t.length, 'salutation-colon', '规定', `主送机关后标全角冒号“：”（${GB} 7.3.2）`, '：')];
  if (/[，。；,.;]$/.test(t)) return [f(t.length - 1, t.length, 'salutation-colon', '规定', `主送机关后标全角冒号“：”（${GB} 7.3.2）`, '：')];
  if (t.length > 0) return [f(t.length, t.length, 'salutation-colon', '规定', `主送机关后应标全角冒号“：”（${GB} 7.3.2）`, '：')];
  return [];
}

function attachmentList(text: string): Finding[] {
  const out: Finding[] = [];
  const colon = /^(\s*附件\s*)(:)/.exec(text);
  if (colon) out.push(f(colon[1]!.length, colon[1]!.length + 1, 'attachment-colon', '规定', `“附件”后用全角冒号“：”（${GB} 7.3.3）`, '：'));
  const end = /[。；，、.;,]+$/.exec(text.trimEnd());
  if (end) out.push(f(end.index, end.index + end[0].length, 'attachment-punct', '规定', `附件名称后不加标点符号（${GB} 7.3.3）`, ''));
  return out;
}

const CN = '[〇○零Ｏ一二三四五六七八九十]';
const CHINESE_DATE = new RegExp(`^${CN}{4}年${CN}{1,3}月${CN}{1,3}日$`);
function signDate(text: string): Finding[] {
  const t = text.trim();
  const lead = text.indexOf(t);
  if (!CHINESE_DATE.test(t)) return [];
  const fixed = normalizeDate(t);
  // GB/T 9704-2012 took effect on 2012-07-01; a document dated before it followed the 1999 rules (汉字)
  const ymd = /^(\d{4})年(\d{1,2})月/.exec(fixed ?? '');
  if (ymd && Number(ymd[1]) * 100 + Number(ymd[2]) < 201207) return [];
  return [f(lead, lead + t.length, 'date-arabic', '规定', `成文日期用阿拉伯数字将年、月、日标全（${GB} 7.3.5.1）`, fixed)];
}

function title(text: string): Finding[] {
  const t = text.trimEnd();
  const m = /[。，；：！？.,;:!?、]+$/.exec(t);
  if (!m) return [];
  return [f(m.index, m.index + m[0].length, 'title-punct', '规定', `公文标题末尾不加标点符号（${GB} 7.3.1）`, '')];
}

/** Findings of one paragraph that depend on its part. */
export function checkPart(text: string, part: DocumentPart | null, genre: Genre): Finding[] {
  switch (part) {
    case 'doc-number':
      return docNumber(text);
    case 'salutation':
      return /同志们|尊敬的|各位/.test(text) ? [] : salutation(text);
    case 'attachment-list':
      return attachmentList(text);
    case 'date':
      return signDate(text);
    case 'title':
      return [...title(text), ...titleGenre(text, genre)];
    case 'body':
    case 'heading1':
    case 'heading2':
    case 'heading3':
    case 'heading4':
    case null:
      return bodyGenre(text, genre);
    default:
      return [];
  }
}

function titleGenre(text: string, genre: Genre): Finding[] {
  const out: Finding[] = [];
  if (genre === '批复') {
    const m = /关于对(?!.*予以)/.exec(text);
    if (m) out.push(f(m.index, m.index + 3, 'title-guanyu-dui', '建议', `标题“关于对…的${genre}”中的“对”多余，应为“关于…的${genre}”`, '关于'));
  }
  if (genre === '请示') {
    const m = /关于(请求|申请)/.exec(text);
    if (m) out.push(f(m.index, m.index + m[0].length, 'title-qingqiu', '建议', `请示本身就是请求，标题中不用“${m[1]}”`, '关于'));
  }
  if (genre === '请示' && /报告$/.test(text)) out.push(f(0, text.length, 'genre-mixed', '规定', `“请示报告”文种混用：请示与报告是两种文种（${TIAOLI}）`, null));
  if (/请示报告\s*$/.test(text)) out.push(f(text.lastIndexOf('请示报告'), text.lastIndexOf('请示报告') + 4, 'genre-mixed', '规定', `“请示报告”文种混用：请示与报告是两种文种，应择一（${TIAOLI}）`, null));
  return out;
}

const ASKS_APPROVAL = /妥否|当否|请批示|请予批准|请批准|请审批|请予审批|请予批复|请批复/g;
function bodyGenre(text: string, genre: Genre): Finding[] {
  if (genre !== '报告') return [];
  return [...text.matchAll(ASKS_APPROVAL)].map((m) =>
    f(m.index, m.index + m[0].length, 'report-asks', '规定', `报告中不得夹带请示事项（“${m[0]}”）；需要批准的事项应另行请示（${TIAOLI}第十五条）`, null),
  );
}

/** Document-level 文种 rules: a 请示 copied to subordinates, or addressed to several superiors. */
export function checkGenreDocument(paragraphs: Array<{ text: string; part: DocumentPart | null }>, genre: Genre): Array<Finding & { block: number }> {
  const out: Array<Finding & { block: number }> = [];
  if (genre !== '请示') return out;
  paragraphs.forEach((p, block) => {
    if (p.part === 'cc') {
      const m = /各[\u4e00-\u9fa5]{0,6}(?:县|区|市|乡镇|街道|部门|单位|科室|处室)/.exec(p.text);
      if (m) out.push({ ...f(m.index, m.index + m[0].length, 'request-cc', '规定', `请示不得抄送下级机关（${TIAOLI}第十五条）`, null), block });
    }
    if (p.part === 'salutation' && /[、，]/.test(p.text.replace(/：\s*$/, ''))) {
      out.push({ ...f(0, p.text.trimEnd().length, 'request-one-superior', '规定', `请示原则上主送一个上级机关（${TIAOLI}第十五条）`, null), block });
    }
  });
  return out;
}
