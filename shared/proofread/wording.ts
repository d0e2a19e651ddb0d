/**
 * 词语规范: variant and misused words with their standard form (《第一批异形词整理表》, 《现代汉语
 * 词典》 usage as 公文 follow it), each with the context it applies in.
 */
import type { Authority, Finding } from './types';

interface WordingRule {
  /** Matches the wrong form; group 1, when present, is the span to replace. */
  re: RegExp;
  right: string | ((m: RegExpMatchArray) => string);
  message: string;
  authority: Authority;
  rule: string;
}

const DATE_AFTER = '(?=\\s*(?:\\d|[０-９]|[一二三四五六七八九十〇]+[年月日]|目前|今年|去年|本月|上月|今天|当前|发稿|\\S{0,3}月底|年底|日前))';

const RULES: WordingRule[] = [
  { re: /其它/g, right: '其他', message: '“其它”是异形词，规范写法为“其他”（《第一批异形词整理表》）', authority: '建议', rule: 'qita' },
  { re: new RegExp(`截止(?:到)?${DATE_AFTER}`, 'g'), right: '截至', message: '后接时间表示“到某时为止”用“截至”；“截止”表示停止，后面不接时间', authority: '建议', rule: 'jiezhi' },
  { re: /交待(?=[了过清问题情况])/g, right: '交代', message: '“交代”为规范写法（《现代汉语词典》）', authority: '建议', rule: 'jiaodai' },
  { re: /情况反应/g, right: '情况反映', message: '把情况告诉上级用“反映”，“反应”指回应、变化', authority: '建议', rule: 'fanying' },
  { re: /反应(?=(?:了|过)?(?:情况|问题|诉求|意见|群众呼声))/g, right: '反映', message: '把情况告诉上级用“反映”，“反应”指回应、变化', authority: '建议', rule: 'fanying' },
  { re: /布署/g, right: '部署', message: '“布署”应为“部署”', authority: '建议', rule: 'bushu' },
  { re: /既使/g, right: '即使', message: '表示假设让步用“即使”', authority: '建议', rule: 'jishi' },
  { re: /做出(?=(?:了)?(?:重要|重大|积极|突出|新的|更大|应有的)?(?:贡献|决定|决策|部署|安排|规定|指示|批示|承诺|努力|表率|判断|回应|调整|处理|处分|结论|评价))/g, right: '作出', message: '公文中“作出决定、作出贡献、作出部署”等用“作出”', authority: '建议', rule: 'zuochu' },
  { re: /帐(?=[户目号款本单])/g, right: '账', message: '与钱财、账目有关的用“账”（《第一批异形词整理表》）', authority: '建议', rule: 'zhang' },
  { re: /惟一/g, right: '唯一', message: '“惟一”是异形词，规范写法为“唯一”（《第一批异形词整理表》）', authority: '建议', rule: 'weiyi' },
  { re: /成份/g, right: '成分', message: '“成份”是异形词，规范写法为“成分”（《第一批异形词整理表》）', authority: '建议', rule: 'chengfen' },
  { re: /签定(?=[了合协])/g, right: '签订', message: '订立合同、协议用“签订”', authority: '建议', rule: 'qianding' },
  { re: /按排/g, right: '安排', message: '“按排”应为“安排”', authority: '建议', rule: 'anpai' },
  { re: /法制建设(?!.{0,6}法治)/g, right: '法治建设', message: '党的十五大以来提“法治建设”“全面依法治国”；“法制”指法律制度', authority: '建议', rule: 'fazhi' },
  { re: /人材/g, right: '人才', message: '“人材”应为“人才”', authority: '建议', rule: 'rencai' },
  { re: /(?<=[0-9０-９一二三四五六七八九十])(?:多|余)?个百分比/g, right: '个百分点', message: '百分数之差用“百分点”', authority: '建议', rule: 'baifendian' },
];

/** 词语规范 findings in a paragraph. */
export function checkWording(text: string): Finding[] {
  const out: Finding[] = [];
  for (const r of RULES) {
    for (const m of text.matchAll(r.re)) {
      const right = typeof r.right === 'string' ? r.right : r.right(m);
      let start = m.index;
      let end = start + m[0].length;
      const suggestion = right;
      if (r.rule === 'baifendian') {
        const k = m[0].indexOf('个百分比');
        start = m.index + k;
        end = start + 4;
      }
      out.push({ start, end, category: 'wording', authority: r.authority, rule: r.rule, message: r.message, suggestion });
    }
  }
  return out;
}
