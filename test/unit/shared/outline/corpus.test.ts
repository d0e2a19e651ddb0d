/**
 * The outlines of the five seed reports and the eight State Council documents, written by hand
 * from reading the texts: "line level number+title" per heading (level 0 = the title).
 * Read through readDocumentFile, as the app and the CLI read them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../../electron/services/documentFiles';
import { blockText } from '../../../../shared/model/document';
import { outlineOfDocument } from '../../../../shared/outline/outline';
import { countWords } from '../../../../shared/text/wordCount';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus');

async function outlineOf(rel: string) {
  const { doc } = await readDocumentFile(path.join(CORPUS, rel));
  return outlineOfDocument(doc).outline;
}

function expected(text: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.trim());
}

async function actual(rel: string): Promise<string[]> {
  const o = await outlineOf(rel);
  return o.entries.map((e) => `${e.block + 1} ${e.level} ${e.number}${e.title}`);
}

const SEEDS: Record<string, string> = {
  '000_40f08a2d6707e5f7.txt': `
    3 1 一、抓牢党建“方向盘”，凝神聚力引领发展
    5 1 二、深耕党建“责任田”，固本强基推动发展
    7 1 三、守好党建“主阵地”，履职尽责保障发展`,
  '001_012a46138ac0ca6d.txt': `
    2 1 一、坚持以理论学习为先导，推动主题教育走深走实
    4 1 二、坚持以政治建设为统领，书写实干担当的忠诚答卷
    6 1 三、坚持以夯实基层战斗堡垒为目标，持续加强基层组织和干部队伍建设
    8 1 四、坚持以党风廉政建设为根本，涵养风清气正的政治生态`,
  '002_182f94ccda9023a4.txt': `
    2 1 一、认真履职尽责，严格落实第一责任人责任
    4 2 （一）把稳思想之舵，在“带”上用真心
    5 2 （二）夯实基层基础，在“质”上提档次
    6 2 （三）锻造清正之风，在“严”上动真格
    7 2 （四）注重整治实效，在“改”上下真功
    8 1 二、清醒认识问题，深刻剖析问题成因
    11 1 三、敢于刀刃向内，务实抓好整改提升
    13 2 （一）持续深化理论武装，坚定政治方向
    14 2 （二）强化基层组织建设，发挥堡垒作用
    15 2 （三）树立鲜明用人导向，淬炼过硬干部队伍
    16 2 （四）持续深化正风肃纪，优化政治生态`,
  // No numbered headings at all: the three parallel leads are offered as suggestions.
  '003_cc503eda10b51707.txt': '',
  '004_9342abefdd77c34e.txt': `
    1 0 党组书记抓党建工作报告
    5 1 一、上年度整改情况
    8 1 二、主要工作情况
    9 2 （一）学习入脑入心入行，成果深化内化转化
    10 2 （二）服务用心用情用力，方法出新创新革新
    11 2 （三）活动常办常新常态，资源互通互鉴互融
    12 2 （四）支部建大建优建强，管理越专越精越好
    13 2 （五）治党从细从严从实，党风更清更廉更正
    14 1 三、存在不足
    16 1 四、下一步措施`,
};

const GOV: Record<string, string> = {
  // A notice issuing a plan: the notice's title (two lines), then the plan's own title.
  'gov-008.txt': `
    1 0 国务院关于印发国家职业教育改革实施方案的通知
    9 0 国家职业教育改革实施方案
    13 1 一、完善国家职业教育制度体系
    14 2 （一）健全国家职业教育制度框架
    16 2 （二）提高中等职业教育发展水平
    19 2 （三）推进高等职业教育高质量发展
    21 2 （四）完善高层次应用型人才培养体系
    23 1 二、构建职业教育国家标准
    24 2 （五）完善教育教学相关标准
    26 2 （六）启动1+X证书制度试点工作
    28 2 （七）开展高质量职业培训
    30 2 （八）实现学习成果的认定、积累和转换
    32 1 三、促进产教融合校企“双元”育人
    33 2 （九）坚持知行合一、工学结合
    35 2 （十）推动校企全面加强深度合作
    37 2 （十一）打造一批高水平实训基地
    39 2 （十二）多措并举打造“双师型”教师队伍
    41 1 四、建设多元办学格局
    42 2 （十三）推动企业和社会力量举办高质量职业教育
    44 2 （十四）做优职业教育培训评价组织
    46 1 五、完善技术技能人才保障政策
    47 2 （十五）提高技术技能人才待遇水平
    49 2 （十六）健全经费投入机制
    51 1 六、加强职业教育办学质量督导评价
    52 2 （十七）建立健全职业教育质量评价和督导评估制度
    54 2 （十八）支持组建国家职业教育指导咨询委员会
    56 1 七、做好改革组织实施工作
    57 2 （十九）加强党对职业教育工作的全面领导
    59 2 （二十）完善国务院职业教育工作部际联席会议制度`,
  // An opinion with run-in （一） headings, and its attachment: a table flattened to one cell per
  // line, whose （三）… numbers sit on their own line above the title, numbered 1.–55. straight
  // through, and followed by notes (注：1.…) that are not headings.
  'gov-009.txt': `
    1 0 国务院办公厅关于加强三级公立医院绩效考核工作的意见
    6 1 一、总体要求
    7 2 （一）指导思想
    9 2 （二）基本原则
    13 2 （三）工作目标
    15 1 二、指标体系
    17 2 （一）医疗质量
    18 2 （二）运营效率
    19 2 （三）持续发展
    20 2 （四）满意度评价
    21 1 三、支撑体系
    22 2 （一）提高病案首页质量
    23 2 （二）统一编码和术语集
    24 2 （三）完善满意度调查平台
    25 2 （四）建立考核信息系统
    26 1 四、考核程序
    28 2 （一）医院自查自评
    29 2 （二）省级年度考核
    30 2 （三）国家监测分析
    31 1 五、组织实施
    32 2 （一）切实加强组织领导
    33 2 （二）明确部门职责分工
    34 2 （三）充分运用考核结果
    35 2 （四）形成改革发展合力
    36 2 （五）做好督导总结宣传
    42 0 三级公立医院绩效考核指标
    48 1 一、医疗质量
    49 2 （一）功能定位
    50 3 1.门诊人次数与出院人次数比
    54 3 2.下转患者人次数（门急诊、住院）
    58 3 3.日间手术占择期手术比例
    62 3 4.出院患者手术占比▲
    66 3 5.出院患者微创手术占比▲
    70 3 6.出院患者四级手术比例▲
    74 3 7.特需医疗服务占比
    78 2 （二）质量安全
    79 3 8.手术患者并发症发生率▲
    83 3 9.I类切口手术部位感染率▲
    87 3 10.单病种质量控制▲
    91 3 11.大型医用设备检查阳性率
    95 3 12.大型医用设备维修保养及质量控制管理
    98 3 13.通过国家室间质量评价的临床检验项目数▲
    102 3 14.低风险组病例死亡率▲
    106 3 15.优质护理服务病房覆盖率
    110 2 （三）合理用药
    112 3 16.点评处方占处方总数的比例
    116 3 17.抗菌药物使用强度（DDDs）▲
    120 3 18.门诊患者基本药物处方占比
    124 3 19.住院患者基本药物使用率
    128 3 20.基本药物采购品种数占比
    132 3 21.国家组织药品集中采购中标药品使用比例
    136 2 （四）服务流程
    138 3 22.门诊患者平均预约诊疗率
    142 3 23.门诊患者预约后平均等待时间
    146 3 24.电子病历应用功能水平分级▲
    150 1 二、运营效率
    151 2 （五）资源效率
    153 3 25.每名执业医师日均住院工作负担
    157 3 26.每百张病床药师人数
    161 2 （六）收支结构
    163 3 27.门诊收入占医疗收入比例
    167 3 28.门诊收入中来自医保基金的比例
    171 3 29.住院收入占医疗收入比例
    175 3 30.住院收入中来自医保基金的比例
    179 3 31.医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入比例▲
    183 3 32.辅助用药收入占比
    187 3 33.人员支出占业务支出比重▲
    191 3 34.万元收入能耗支出▲
    195 3 35.收支结余▲
    199 3 36.资产负债率▲
    203 2 （七）费用控制
    205 3 37.医疗收入增幅
    209 3 38.门诊次均费用增幅▲
    213 3 39.门诊次均药品费用增幅▲
    217 3 40.住院次均费用增幅▲
    221 3 41.住院次均药品费用增幅▲
    225 2 （八）经济管理
    227 3 42.全面预算管理
    231 3 43.规范设立总会计师
    235 1 三、持续发展
    236 2 （九）人员结构
    238 3 44.卫生技术人员职称结构
    242 3 45.麻醉、儿科、重症、病理、中医医师占比▲
    246 3 46.医护比▲
    250 2 （十）人才培养
    252 3 47.医院接受其他医院（尤其是对口支援医院、医联体内医院）进修并返回原医院独立工作人数占比
    256 3 48.医院住院医师首次参加医师资格考试通过率▲
    260 3 49.医院承担培养医学人才的工作成效
    264 2 （十一）学科建设
    266 3 50.每百名卫生技术人员科研项目经费▲
    270 3 51.每百名卫生技术人员科研成果转化金额
    274 2 （十二）信用建设
    276 3 52.公共信用综合评价等级
    280 1 四、满意度评价
    281 2 （十三）患者满意度
    283 3 53.门诊患者满意度▲
    287 3 54.住院患者满意度▲
    291 2 （十四）医务人员满意度
    294 3 55.医务人员满意度▲`,
  // 一、 headings with 1. directly under them (no （一）).
  'gov-010.txt': `
    1 0 国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知
    6 1 一、总体要求
    8 1 二、工作任务
    9 3 1.城镇小区严格依标配建幼儿园
    10 3 2.确保小区配套幼儿园如期移交
    11 3 3.规范小区配套幼儿园使用
    12 1 三、工作措施
    13 3 1.摸底排查
    14 3 2.全面整改
    15 3 3.监督评估
    16 1 四、组织实施
    17 3 1.建立治理工作协调机制
    18 3 2.落实治理责任分工
    19 3 3.加强治理工作保障`,
  // A reply (批复) whose 一、…十四、 run into their paragraphs.
  'gov-011.txt': `
    1 0 国务院关于河北雄安新区总体规划（2018—2035年）的批复
    6 1 一、原则同意《河北雄安新区总体规划（2018—2035年）》（以下简称《总体规划》）
    7 1 二、紧扣雄安新区战略定位
    8 1 三、有序承接北京非首都功能疏解
    9 1 四、优化国土空间开发保护格局
    10 1 五、打造优美自然生态环境
    11 1 六、推进城乡融合发展
    12 1 七、塑造新区风貌特色
    13 1 八、打造宜居宜业环境
    14 1 九、构建现代综合交通体系
    15 1 十、建设绿色低碳之城
    16 1 十一、建设国际一流的创新型城市
    17 1 十二、创建数字智能之城
    18 1 十三、确保城市安全运行
    19 1 十四、加强规划组织实施`,
  // Thirty numbered measures, each one long sentence: a list, not headings.
  'gov-012.txt': `
    1 0 国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知`,
  'gov-013.txt': `
    1 0 国务院办公厅关于2019年部分节假日安排的通知
    6 1 一、元旦
    7 1 二、春节
    8 1 三、清明节
    9 1 四、劳动节
    10 1 五、端午节
    11 1 六、中秋节
    12 1 七、国庆节`,
  // A three-line title; the date in Chinese numerals is no heading.
  'gov-014.txt': `
    1 0 国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报
    13 1 一、牢固树立“安全第一”思想
    14 1 二、建立煤矿安全生产长效机制
    15 1 三、深化煤矿安全生产专项整治
    16 1 四、加大煤矿安全监管监察工作力度`,
  'gov-015.txt': `
    1 0 国务院办公厅关于印发“无废城市”建设试点工作方案的通知
    9 0 “无废城市”建设试点工作方案
    11 1 一、总体要求
    12 2 （一）重大意义
    13 2 （二）指导思想
    14 2 （三）基本原则
    19 2 （四）试点目标
    20 2 （五）试点范围
    21 1 二、主要任务
    22 2 （一）强化顶层设计引领，发挥政府宏观指导作用
    26 2 （二）实施工业绿色生产，推动大宗工业固体废物贮存处置总量趋零增长
    30 2 （三）推行农业绿色生产，促进主要农业废弃物全量利用
    33 2 （四）践行绿色生活方式，推动生活垃圾源头减量和资源化利用
    36 2 （五）提升风险防控能力，强化危险废物全面安全管控
    39 2 （六）激发市场主体活力，培育产业发展新模式
    42 1 三、实施步骤
    43 2 （一）确定试点城市
    44 2 （二）制定实施方案
    45 2 （三）组织开展试点
    46 2 （四）开展评估总结
    47 1 四、保障措施
    48 2 （一）加强组织领导
    49 2 （二）加大资金支持
    50 2 （三）严格监管执法
    51 2 （四）强化宣传引导`,
};

describe('outlines of the seed reports', () => {
  for (const [file, text] of Object.entries(SEEDS)) {
    it(file, async () => {
      expect(await actual(`seeds/${file}`)).toEqual(text ? expected(text) : []);
    });
  }

  it('offers the unnumbered parallel leads of seed 003 as level-1 headings, never silently', async () => {
    const o = await outlineOf('seeds/003_cc503eda10b51707.txt');
    expect(o.entries).toEqual([]);
    expect(o.suggestions.map((s) => [s.block + 1, s.level, s.title])).toEqual([
      [3, 1, '深植“根须”，牢固夯实党在农村的执政根基'],
      [4, 1, '拓宽“叶脉”，优化提升党建引领网格化服务管理效能'],
      [5, 1, '培育“花朵”，持续打造“最活跃地带”亮丽风景'],
    ]);
  });

  it('suggests nothing where the numbered headings already give the structure', async () => {
    for (const f of ['000_40f08a2d6707e5f7.txt', '001_012a46138ac0ca6d.txt', '002_182f94ccda9023a4.txt', '004_9342abefdd77c34e.txt']) {
      expect((await outlineOf(`seeds/${f}`)).suggestions, f).toEqual([]);
    }
  });

  it('ends the last section before the closing words, and counts each section', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/000_40f08a2d6707e5f7.txt'));
    const o = outlineOfDocument(doc).outline;
    // 三、 is lines 7–8; "汇报完毕，谢谢大家！" (line 9) closes the whole report.
    expect([o.entries[2]!.block + 1, o.entries[2]!.end]).toEqual([7, 8]);
    // 字数 of 一、's section: its heading (line 3) and its body (line 4), counted like Word.
    const words = (line: number) => countWords(blockText(doc.blocks[line - 1]!)).words;
    expect(o.entries[0]!.words).toBe(words(3) + words(4));
    expect(o.entries[2]!.words).toBe(words(7) + words(8));
  });
});

describe('outlines of the State Council documents', () => {
  for (const [file, text] of Object.entries(GOV)) {
    it(file, async () => {
      expect(await actual(`gov/${file}`)).toEqual(expected(text));
    });
  }

  it('keeps the signature, date and attachment note out of the last section', async () => {
    const o = await outlineOf('gov/gov-009.txt');
    const last = o.entries.find((e) => e.block + 1 === 36)!; // （五）做好督导总结宣传
    expect(last.end).toBe(36); // lines 37–41 (附件说明, 国务院办公厅, date, （此件公开发布）, 附件) are closing matter
    const title = o.entries[0]!;
    expect([title.block + 1, title.end]).toEqual([1, 41]); // the opinion runs to the attachment's title
  });

  it('takes a bare number’s title from the lines below it', async () => {
    const o = await outlineOf('gov/gov-009.txt');
    const e = o.entries.find((x) => x.block + 1 === 291)!;
    expect([e.number, e.title, e.headBlocks]).toEqual(['（十四）', '医务人员满意度', 3]);
  });
});
