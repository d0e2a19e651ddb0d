/**
 * The anatomy pass on documents written here, one per kind of 公文 a drafter hands in: every
 * 版头/版记 element and two attachments, a joint issuance, a 上行文 with 签发人, a 函, a 令, a 纪要,
 * a speech with its front matter. Each test states the part of every non-blank line.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAnatomy } from '../../../shared/anatomy/anatomy';
import { readDocx } from '../../../shared/docx/read/index';
import { writeDocx } from '../../../shared/docx/write/writeDocx';
import { DEFAULT_EXPORT_FONTS } from '../../../shared/export/fonts';
import { paragraph, type Block } from '../../../shared/model/document';
import type { DocumentPart } from '../../../shared/model/parts';

/** Lines written "part | text" (or just "text" for body), blank lines as ''. */
function doc(spec: string): { blocks: Block[]; expected: Array<DocumentPart | null> } {
  const blocks: Block[] = [];
  const expected: Array<DocumentPart | null> = [];
  for (const raw of spec.trim().split('\n')) {
    const line = raw.trim();
    const m = /^([a-z0-9-]+) \| (.*)$/.exec(line);
    blocks.push(paragraph(m ? m[2]! : line === '~' ? '' : line));
    expected.push(line === '~' ? null : ((m?.[1] ?? 'body') as DocumentPart));
  }
  return { blocks, expected };
}

function partsOf(spec: string) {
  const { blocks, expected } = doc(spec);
  const a = analyzeAnatomy(blocks);
  const got = a.parts.map((p, i) => (expected[i] === null ? null : p));
  return { a, got, expected };
}

const NOTICE = `
  copy-number | 000123
  secrecy | 机密★1年
  urgency | 特急
  issuer-mark | ××市人民政府文件
  doc-number | ×政发〔2026〕5号
  ~
  title | ××市人民政府关于做好2026年春节期间
  title | 安全生产工作的通知
  ~
  salutation | 各区县人民政府，市政府各部门：
  春节将至，为切实做好节日期间安全生产工作，现将有关事项通知如下。
  heading1 | 一、加强组织领导
  各地要把安全生产摆在突出位置，主要负责同志要亲自研究部署。
  heading1 | 二、强化隐患排查
  heading3 | 1.全面排查。对人员密集场所开展拉网式排查。
  heading3 | 2.限期整改。发现隐患要立即整改。
  ~
  attachment-list | 附件：1.春节期间安全生产检查表
  attachment-list | 2.春节期间值班安排表
  ~
  signature | ××市人民政府
  date | 2026年1月20日
  note | （此件公开发布）
  attachment-label | 附件1
  attachment-title | 春节期间安全生产检查表
  heading1 | 一、检查范围
  全市所有人员密集场所、危险化学品企业。
  attachment-label | 附件2
  attachment-title | 春节期间值班安排表
  值班人员须保持通讯畅通，遇有情况立即报告。
  ~
  cc | 抄送：市委办公室，市人大常委会办公厅，市政协办公厅。
  imprint | ××市人民政府办公室　　　　2026年1月20日印发
`;

describe('anatomy of a 公文', () => {
  it('finds every 版头 element, the title, 主送, headings, 附件说明, 署名, 日期, 附注, two attachments and the 版记', () => {
    const { a, got, expected } = partsOf(NOTICE);
    expect(got).toEqual(expected);
    expect(a.format).toBe('document');
    expect(a.attachments.map((x) => [x.number, a.parts[x.titleStart]])).toEqual([
      [1, 'attachment-title'],
      [2, 'attachment-title'],
    ]);
    expect(a.inferred.every(Boolean)).toBe(true);
    // The outline sees the notice's title and each attachment's title as titles.
    expect(a.outline.entries.filter((e) => e.level === 0).map((e) => e.title)).toEqual([
      '××市人民政府关于做好2026年春节期间安全生产工作的通知',
      '春节期间安全生产检查表',
      '春节期间值班安排表',
    ]);
  });

  it('keeps every part through a 公文 export and reopening it (the styles are named after the parts)', async () => {
    const { blocks, expected } = doc(NOTICE);
    const bytes = await writeDocx({ meta: {}, blocks }, { template: 'gbt9704', fonts: { ...DEFAULT_EXPORT_FONTS }, heading3Bold: true, normalizeDates: false });
    const reopened = readDocx(bytes).doc;
    const nonBlank = (xs: Array<DocumentPart | null>) => xs.filter((x): x is DocumentPart => x !== null);
    // Paragraphs with text (the 版记 sits in a text box, anchored in an empty paragraph shown with a 文本框 mark).
    const withText = (b: (typeof reopened.blocks)[number]) => b.type !== 'paragraph' || b.runs.some((r) => !r.object);
    const parts = analyzeAnatomy(reopened.blocks).parts.filter((_, i) => withText(reopened.blocks[i]!));
    expect(parts).toEqual(nonBlank(expected));
    // Reopened, they are roles: set, not guessed again.
    const roles = reopened.blocks.flatMap((b) => (b.type === 'paragraph' && withText(b) ? [b.role ?? 'body'] : []));
    expect(roles).toEqual(nonBlank(expected));
  });

  it('stacks a joint issuance’s organs into the 标志', () => {
    const { a, got, expected } = partsOf(`
      issuer-mark | 中共××市委员会
      issuer-mark | ××市人民政府
      issuer-mark | 文件
      doc-number | ×发〔2026〕1号
      ~
      title | 关于加快推进乡村振兴的意见
      ~
      salutation | 各区县党委和人民政府，市直各单位：
      为全面推进乡村振兴，现提出如下意见。
      signature | 中共××市委员会
      signature | ××市人民政府
      date | 2026年2月3日
    `);
    expect(got).toEqual(expected);
    expect(a.format).toBe('document');
  });

  it('reads a 上行文 with 签发人, on the 发文字号’s line or its own', () => {
    const same = partsOf(`
      issuer-mark | ××县人民政府文件
      doc-number | ×政报〔2026〕3号　　　　签发人：张三
      title | 关于申请防汛救灾资金的请示
      salutation | 市人民政府：
      今年汛期我县遭受严重洪涝灾害，恳请市政府给予资金支持。
      妥否，请批示。
      signature | ××县人民政府
      date | 2026年7月2日
      note | （联系人：李四，电话：12345678）
    `);
    expect(same.got).toEqual(same.expected);
    const own = partsOf(`
      issuer-mark | ××县人民政府文件
      signer | 签发人：张三　李四
      doc-number | ×政报〔2026〕3号
      title | 关于申请防汛救灾资金的请示
      salutation | 市人民政府：
      恳请市政府给予资金支持。
    `);
    expect(own.got).toEqual(own.expected);
  });

  it('tells a 函, a 令 and a 纪要 by their 标志', () => {
    const letter = partsOf(`
      issuer-mark | ××省教育厅函
      doc-number | ×教函〔2026〕8号
      title | 关于商请支持开展教师交流的函
      salutation | ××大学：
      为促进教师交流，商请贵校给予支持。
      特此函告。
      signature | ××省教育厅
      date | 2026年3月2日
    `);
    expect(letter.got).toEqual(letter.expected);
    expect(letter.a.format).toBe('letter');

    const order = partsOf(`
      issuer-mark | ××市人民政府令
      doc-number | 第12号
      title | ××市城市道路管理办法
      《××市城市道路管理办法》已经市政府常务会议通过，现予公布，自2026年5月1日起施行。
      signature | 市长　张三
      date | 2026年4月1日
    `);
    expect(order.got).toEqual(order.expected);
    expect(order.a.format).toBe('order');

    const minutes = partsOf(`
      issuer-mark | ××市人民政府常务会议纪要
      doc-number | 〔2026〕5号
      2026年3月5日，市长张三主持召开市政府常务会议，现将会议议定事项纪要如下：
      heading1 | 一、关于城市更新工作
      会议原则同意市住建局提出的实施方案。
      attendance | 出席：张三、李四、王五
      attendance | 请假：赵六
      attendance | 列席：钱七
    `);
    expect(minutes.got).toEqual(minutes.expected);
    expect(minutes.a.format).toBe('minutes');
  });

  it('reads the front matter of a speech: subtitle, speaker, date line and 称谓', () => {
    const speech = partsOf(`
      title | 在全市经济工作会议上的讲话
      subtitle | ——坚定信心　真抓实干　奋力开创高质量发展新局面
      byline | 市长　张三
      dateline | （2026年1月25日）
      ~
      salutation | 同志们：
      今天，我们召开全市经济工作会议，主要任务是总结去年工作，部署今年任务。
      heading1 | 一、过去一年的工作
      heading1 | 二、今年的主要任务
    `);
    expect(speech.got).toEqual(speech.expected);
    // Without a subtitle, the speaker is the line above the date line.
    const plain = partsOf(`
      title | 在全市安全生产工作会议上的讲话
      byline | 张三
      dateline | （2026年1月25日）
      salutation | 同志们：
      这次会议很重要。
    `);
    expect(plain.got).toEqual(plain.expected);
  });

  it('lets a role set by hand win over content and place', () => {
    const blocks = [paragraph('××市人民政府文件', { role: 'body' }), paragraph('关于做好春节期间工作的通知'), paragraph('一、总体要求', { role: 'body' }), paragraph('附件1', { role: 'title' })];
    const a = analyzeAnatomy(blocks);
    expect(a.parts).toEqual(['body', 'body', 'body', 'title']);
    expect(a.inferred).toEqual([false, true, false, false]);
    // A 标志 set by hand gives the format too.
    expect(analyzeAnatomy([paragraph('××省教育厅函', { role: 'issuer-mark' }), paragraph('关于商请支持的函')]).format).toBe('letter');
  });

  it('takes a title ending in 函 or 纪要 for a title when no organ names itself, and 参加人员 for body outside a 纪要', () => {
    const invitation = partsOf(`
      title | 邀请函
      salutation | 尊敬的张三先生：
      诚邀您出席年会。
      参加人员：各部门负责同志。
    `);
    expect(invitation.got).toEqual(invitation.expected);
    expect(invitation.a.format).toBe('document');
    const central = partsOf(`
      issuer-mark | 中共中央文件
      doc-number | 中发〔2026〕1号
      title | 关于做好2026年全面推进乡村振兴重点工作的意见
    `);
    expect(central.got).toEqual(central.expected);
  });

  it('leaves ordinary body text alone: dates, short lines and colons inside the text', () => {
    const { got, expected } = partsOf(`
      title | 党支部工作总结
      ~
      一年来，支部认真落实各项工作。
      会议时间：2026年1月5日。
      2026年1月5日
      今年要做好以下工作：
      heading1 | 一、加强学习
    `);
    expect(got).toEqual(expected);
  });
  describe('drafts with a slip in them (the 校对 reports the slip on the part)', () => {
    it('takes a title ending in 。 for the title when it names its 文种, one line or the last of several', () => {
      const one = partsOf(`
        issuer-mark | ××市人民政府办公室文件
        doc-number | ×政办发〔2026〕7号
        title | ××市人民政府办公室关于开展安全生产大检查的通知。
        salutation | 各区县人民政府，市政府各部门：
        为切实做好安全生产工作，现将有关事项通知如下。
        heading1 | 一、检查范围
        全市各类生产经营单位。
      `);
      expect(one.got).toEqual(one.expected);
      const two = partsOf(`
        title | ××县农业农村局关于2026年
        title | 春季农业生产工作情况的报告。
        salutation | 县人民政府：
        今年以来，我局认真落实县委、县政府部署。
      `);
      expect(two.got).toEqual(two.expected);
      // a short first sentence that does not name a 文种 stays body
      const body = partsOf(`
        会议要求认真落实。
        各单位要抓好落实，确保工作取得实效。
      `);
      expect(body.got).toEqual(body.expected);
    });

    it('takes a list of addressees without its colon under the title for the 主送, and leaves an organ name alone', () => {
      const notice = partsOf(`
        title | 关于做好2026年防汛工作的通知
        salutation | 各乡镇人民政府，县直各单位
        入汛以来，我县降雨偏多，防汛形势严峻。
        heading1 | 一、压实防汛责任
      `);
      expect(notice.got).toEqual(notice.expected);
      const single = partsOf(`
        title | 关于做好2026年防汛工作的通知
        salutation | 各区县人民政府
        入汛以来，全市降雨偏多。
      `);
      expect(single.got).toEqual(single.expected);
      const request = partsOf(`
        title | ××区教育局关于增加教师编制的请示
        区人民政府
        我区学龄人口持续增加，现有编制不能满足需要。
      `);
      // one organ's name without a colon may be a 主送 or not: the anatomy does not guess
      expect(request.got).toEqual(request.expected);
    });

    it('takes a title of four to six lines that ends with its 文种 for the title, and four lines of a list for body', () => {
      const long = partsOf(`
        issuer-mark | ××省人民政府办公厅文件
        doc-number | ×政办发〔2026〕12号
        title | ××省人民政府办公厅转发省发展改革委
        title | 省财政厅省自然资源厅关于进一步
        title | 加强全省重大项目建设
        title | 要素保障若干措施的通知
        salutation | 各市、县人民政府，省政府各部门：
        省发展改革委、省财政厅、省自然资源厅拟定的若干措施已经省政府同意，现转发给你们，请认真贯彻执行。
      `);
      expect(long.got).toEqual(long.expected);
      const list = partsOf(`
        周日值班
        周一例会
        周二调研
        周三学习
        周四走访
        以上安排如有变动另行通知。
      `);
      expect(list.got.slice(0, 5)).toEqual(['body', 'body', 'body', 'body', 'body']);
    });

    it('takes the organ names at the end of a document without a date for its 署名, and not a last heading or list line', () => {
      const undated = partsOf(`
        title | 关于召开全县安全生产工作会议的通知
        salutation | 各乡镇人民政府，县直各单位：
        经县政府研究，定于近期召开全县安全生产工作会议，请做好参会准备。
        特此通知。
        ~
        signature | ××县人民政府办公室
      `);
      expect(undated.got).toEqual(undated.expected);
      const joint = partsOf(`
        title | 关于联合开展食品安全检查的通知
        salutation | 各乡镇人民政府：
        为保障群众饮食安全，决定联合开展检查。
        signature | ××县市场监督管理局
        signature | ××县卫生健康委员会
      `);
      expect(joint.got).toEqual(joint.expected);
      const ending = partsOf(`
        title | 2026年工作要点
        一年来，我们认真落实各项工作。
        heading1 | 一、加强党的建设
      `);
      expect(ending.got).toEqual(ending.expected);
    });

    it('in plain text takes a 纪要\'s title under its 发文字号 for the title, not a second 标志', () => {
      const minutes = partsOf(`
        issuer-mark | ××市人民政府常务会议纪要
        doc-number | 〔2026〕5号
        title | ××市人民政府第十次常务会议纪要
        2026年3月5日，市长张三主持召开市政府常务会议，现将会议议定事项纪要如下：
        heading1 | 一、关于城市更新工作
        会议原则同意市住建局提出的实施方案。
        attendance | 出席：张三、李四、王五
      `);
      expect(minutes.got).toEqual(minutes.expected);
      expect(minutes.a.format).toBe('minutes');
      expect(minutes.a.parts.filter((p) => p === 'issuer-mark')).toHaveLength(1);
    });
  });
});
