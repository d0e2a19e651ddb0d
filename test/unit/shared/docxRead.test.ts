/**
 * Every .docx/.doc/.dotx fixture in ../shared/fixtures/docx is opened: it either gives the
 * expected text (real Chinese content, numbering labels, accepted tracked changes…) or fails
 * with the right Chinese message.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/api/contract';
import { readDocx, type DocxReadResult } from '../../../shared/docx/read';
import { blockText, paragraphText, type Block, type Paragraph, type Table } from '../../../shared/model/document';
import { fixtureBytes, fixtureNames } from '../../support/fixtures';

interface Expectation {
  /** Lines (whole paragraphs) the text must contain, in order. */
  lines?: string[];
  /** Substrings the text must contain. */
  contains?: string[];
  /** Substrings that must not appear (deleted text, field codes, ruby readings…). */
  absent?: string[];
  /** The notice must mention these. */
  notices?: string[];
  /** Inline objects shown in the editor, by kind (pictures, drawings, breaks, note marks): exactly these counts. */
  objects?: Record<string, number>;
  error?: { code: string; message: RegExp };
  check?: (r: DocxReadResult) => void;
}

const paragraphsOf = (r: DocxReadResult): Paragraph[] =>
  r.doc.blocks.flatMap((b: Block) => (b.type === 'paragraph' ? [b] : b.rows.flatMap((row) => row.cells.flatMap((c) => c.paragraphs))));
const linesOf = (r: DocxReadResult) => paragraphsOf(r).map(paragraphText);
const textOf = (r: DocxReadResult) => r.doc.blocks.map(blockText).join('\n');
const find = (r: DocxReadResult, start: string) => paragraphsOf(r).find((p) => paragraphText(p).startsWith(start));
const tables = (r: DocxReadResult) => r.doc.blocks.filter((b): b is Table => b.type === 'table');

const GONGWEN: Expectation = {
  // chineseCountingThousand "%1、", "（%2）", decimal "%3." and "（%4）" produce the 公文 hierarchy.
  lines: ['一、一级标题a', '二、一级标题b', '十、一级标题j', '十一、一级标题k', '（一）二级标题a', '（十一）二级标题k', '1.三级标题a', '10.三级标题j', '（1）四级标题a', '（10）四级标题j'],
  contains: ['《出师表》是三国时期蜀汉丞相诸葛亮在北伐前上给后主刘禅的一篇著名奏章'],
  notices: ['2 个页脚'],
  check: (r) => {
    expect(r.doc.meta).toEqual({ title: '测试文段', author: '诸葛亮、亮葛诸' });
    expect(find(r, '一、一级标题a')?.role).toBe('heading1');
    expect(find(r, '（一）二级标题a')?.role).toBe('heading2');
  },
};

const WPS_NOTE: Expectation = {
  // WPS numbered the headings "%1、" in japaneseCounting: Word and WPS show 一、 which is not in the text.
  lines: ['一、任务来源及计划要求', '三、调研和分析工作的情况', '四、主要技术内容的说明'],
  contains: ['本标准来源于国家能源局2021年下达的能源行业核电标准制修订计划'],
};

const LEGACY = (name: string): Expectation => ({ error: { code: 'legacy-doc', message: new RegExp(`“${name.replace('.', '\\.')}”是旧版 Word 97-2003 格式（\\.doc）.*另存为`) } });

const EXPECTED: Record<string, Expectation> = {
  'alternate_document_path.docx': {
    lines: ['This is italic, bold, underlined, italic underlined, bold underlined, bold italic underlined.'],
    check: (r) => expect(r.doc.meta.author).toBe('Eaton, Alfred'),
  },
  'bad_encrypted_ole.docx': { error: { code: 'encrypted', message: /设有打开密码/ } },
  'bad_fuzzed.docx': { error: { code: 'corrupt', message: /损坏/ } },
  'bad_truncated_tiny.docx': { error: { code: 'corrupt', message: /损坏或不完整/ } },
  'bad_truncated_zip.docx': { error: { code: 'corrupt', message: /损坏或不完整/ } },
  'cjk_eastasia_font.docx': { lines: ['こんにちは　世界', 'こんにちは世界'] },
  'cjk_firstLineChars_shape.docx': { contains: ['記'], objects: { picture: 1 } },
  'comments.docx': { lines: ['Ouch.'], notices: ['2 条批注'] },
  'core_properties.docx': { check: (r) => expect(r.doc.meta).toEqual({ title: 'Title', author: 'Steve Canny' }) },
  'enumerated_headings.docx': {
    // Heading 1–3 numbered through numPr in styles.xml, none on the paragraphs.
    lines: ['1\tH1', '1.1\tH2', '1.1.1\tH3', 'And some text'],
    check: (r) => expect(paragraphsOf(r).slice(0, 3).map((p) => p.role)).toEqual(['heading1', 'heading2', 'heading3']),
  },
  'ideograph_num_textbox.docx': {
    // Text boxes (DrawingML with a VML fallback) are read once, after their anchor paragraph.
    contains: ['Infectious Disease Reporting Procedure', 'Suggested Reportable Symptoms'],
    notices: ['文本框'],
    check: (r) => {
      const t = textOf(r);
      expect(t.split('Suggested Reportable Symptoms').length - 1).toBe(1);
      expect(t).toContain('1.\tIf necessary, provide health education');
    },
  },
  'ja_manual_fullwidth_numbering.docx': { lines: ['１．委託業務の名称', '２．業務目的'] },
  'ja_phonetic_ruby.docx': { lines: ['東京'], absent: ['とうきょう'] },
  'ja_toc_chapter_numbering.docx': {
    // decimalFullWidth "第%1章"/"第%2節"; the TOC field's result is kept, its instruction dropped.
    lines: ['第１章\tHello', '第１節\tWorld', '第２章\tこんにちは'],
    contains: ['第１章\tHello\t2'],
    absent: ['TOC \\'],
  },
  'legacy_word95.doc': LEGACY('legacy_word95.doc'),
  'line_spacing.docx': { contains: ['Lorem ipsum dolor sit amet'] },
  'lists_level_override.docx': {
    // lvlOverride/startOverride restart numbering.
    lines: ['1.\tState of Documentation ', '2.\tContent Migration ', '5.\tCode documentation'],
  },
  'localized_style_names.docx': {
    lines: ['–\tOne level of the list.', '–\tNext level of the list'],
    check: (r) => expect(find(r, '–\tNext level')?.indent?.leftChars).toBeGreaterThan(find(r, '–\tOne level')!.indent!.leftChars!),
  },
  'mcAlternateContent_header.docx': { notices: ['1 个页眉'] },
  'numbered_heading.docx': { lines: ['1.\tA Numbered Header.'], check: (r) => expect(paragraphsOf(r)[0]?.role).toBe('heading1') },
  'numbering_isLgl.docx': {
    // isLgl: "Article I." above, "Section 1.01" (not "Section I.01") below.
    contains: ['Article I.\t[expect]Article I.[/expect]', 'Section 1.01\t[expect]Section 1.01[/expect]', '(a)[expect](a)[/expect]', 'Article II.\t[expect]Article II.[/expect]', 'Section 2.01\t[expect]Section 2.01[/expect]'],
  },
  'odd_even_first_page.docx': { contains: ['Single section with odd/even headers/footers, and different first page.'], notices: ['个页眉'] },
  'odd_even_headers.docx': { notices: ['2 个页眉'] },
  'perf_handbook_872p.docx': { notices: ['6 个脚注的内容'], objects: { picture: 2, pageBreak: 54, footnote: 6 }, check: (r) => expect(textOf(r).length).toBeGreaterThan(800_000) },
  'perf_rich_tables_3mb.docx': { contains: ['Changes to the DOCLANG Core Spec'], check: (r) => expect(tables(r).length).toBeGreaterThan(0) },
  'rfonts_four_slots.docx': { lines: ['rFonts (Run Fonts)', '•\tASCII', '•\tHigh ANSI'] },
  'strict_ooxml.docx': { lines: ['Test'] },
  'table_header_rowspan.docx': {
    check: (r) => {
      const [t] = tables(r);
      expect(t?.rows[0]?.cells.map((c) => [paragraphText(c.paragraphs[0]!), c.colSpan ?? 1, c.rowSpan ?? 1])).toEqual([
        ['A', 1, 2],
        ['B', 1, 2],
        ['C', 1, 2],
        ['D', 1, 2],
        ['E', 3, 1],
        ['F', 1, 2],
      ]);
      expect(t?.rows[1]?.cells.map((c) => paragraphText(c.paragraphs[0]!))).toEqual(['G', 'H', 'I']);
    },
  },
  'textbox_basic.docx': { lines: ['Datum plane'] },
  'track_del.docx': { lines: ['This is a text with a deletion.'], notices: ['修订按全部接受显示'] },
  'track_ins.docx': { lines: ['This is a text with two exciting insertions.'] },
  'track_move.docx': {
    check: (r) => {
      const t = textOf(r);
      expect(t.split('Here is the text to be moved.').length - 1).toBe(1);
      expect(t.indexOf('Here is some text.')).toBeLessThan(t.indexOf('Here is the text to be moved.'));
      expect(t.indexOf('Here is the text to be moved.')).toBeLessThan(t.indexOf('Here is some more text.'));
    },
  },
  // The second paragraph's mark was deleted: accepting it joins " split" with "Paragraph.".
  'track_para_ins_del.docx': { lines: ['This is a', ' splitParagraph.'] },
  'various_libreoffice.docx': {
    lines: ['Here is a text box', '•\tBullet 1', '1)Number bullet 1', '3)Number bullet 3'],
    notices: ['1 个脚注'],
  },
  'xml_utf8_bom.docx': { lines: ['This XML has a byte order mark.'] },
  'zh_gongwen_out_comments.docx': GONGWEN,
  'zh_gongwen_template.dotx': { ...GONGWEN, check: (r) => (GONGWEN.check!(r), expect(r.template).toBe(true)) },
  'zh_index_field.docx': {
    contains: ['希望深入了解的读者可以去看David French Belding和Kevin J. Mitchell的Foundations of Analysis'],
    absent: ['XE "', 'INDEX \\'],
  },
  'zh_spec_fullwidth_indent.docx': {
    // Full-width spaces typed as indentation become a first-line indent.
    check: (r) => {
      const p = find(r, '本款固态硬盘是一款微型尺寸完全兼容ATA标准IDE接口规范的固态硬盘');
      expect(p?.indent?.firstLineChars).toBe(2);
      expect(find(r, '产品介绍')?.role).toBe('heading3');
    },
    objects: { picture: 1 },
  },
  'zh_std_eval_p7_only.doc': LEGACY('zh_std_eval_p7_only.doc'),
  'zh_thesis_template_large.docx': { contains: ['基于Word样式和自动编号的东南大学硕士学位论文模板'], objects: { picture: 12, pageBreak: 9, drawing: 1 } }, // the drawing: a 文本框 mark
  'zh_word_circled_num.docx': {
    // decimalEnclosedCircleChinese gives ①②.
    contains: ['①\t本合同一式四份，自双方签章并经省政府采购中心审核编号后生效。', '②\t本合同一式四份'],
    objects: { pageBreak: 1, picture: 1, drawing: 2, equation: 11 },
    check: (r) => {
      expect(paragraphsOf(r).flatMap((p) => p.runs.filter((x) => x.object?.kind === 'drawing').map((x) => x.object!.label))).toContain('图表');
      // Equations as objects, their linear text in the text (the quadratic formula, as Word's m:t pieces).
      expect(paragraphsOf(r).flatMap((p) => p.runs.filter((x) => x.object?.kind === 'equation').map((x) => x.text))).toContain('x=-b±b2-4ac2a');
    },
  },
  'zh_word_report_toc_paren_num.docx': { lines: ['1.\t有序列表构成的章节标题', '1.1.\t显式空白字符表示'], contains: ['MinerU支持docx解析了'], notices: ['嵌套在表格中的表格已转为文字'] },
  'zh_wps_autonum_hbbzsm_p1.doc': LEGACY('zh_wps_autonum_hbbzsm_p1.doc'),
  'zh_wps_autonum_hbbzsm_p1.docx': { ...WPS_NOTE, lines: ['一、任务来源及计划要求', '二、 编制过程', '1、征求意见稿', '2、送审稿', '3、报批稿', '三、调研和分析工作的情况'] },
  'zh_wps_autonum_hbbzsm_p12.docx': { ...WPS_NOTE, contains: ['NB/T 20442.12-2017《核电厂定期安全审查指南 第12部分：设计》'] },
  'zh_wps_sections_hdrftr.docx': { lines: ['第一节内容1', '第四节内容2'], notices: ['6 个页眉'] },
  'zh_wps_small_table.docx': {
    check: (r) => expect(tables(r)[0]?.rows.map((row) => row.cells.map((c) => paragraphText(c.paragraphs[0]!)))).toEqual([
      ['我是表格1', '我是表格2'],
      ['我是表格3', '我是表格4'],
    ]),
    objects: { picture: 1 },
  },
  'zh_wps_std_eval_p12_exact.docx': { lines: ['核电厂定期安全评价', '第12部分：设计'], notices: ['个页眉'] },
  // Auto-numbered 一、 mixed with a typed "二、 ".
  'zh_wps_std_eval_p7.docx': { lines: ['一、任务来源及计划要求', '二、 编制过程', '1、征求意见稿'] },
  'zh_wps_std_guide_p1.doc': LEGACY('zh_wps_std_guide_p1.doc'),
  'zh_wps_std_guide_p1.docx': { lines: ['核电厂定期安全评价', '第1部分：通用要求'], contains: ['中华人民共和国能源行业标准'] },
  'zh_wps_std_guide_p6_txbx_sdt.docx': {
    contains: ['核电厂定期安全评价指南', '第6部分：构筑物、系统和设备的实际状态'],
    notices: ['文本框'],
  },
};

describe('readDocx on every fixture in ../shared/fixtures/docx', () => {
  for (const name of fixtureNames('docx')) {
    it(name, () => {
      const want = EXPECTED[name];
      expect(want, `add an expectation for the new fixture ${name}`).toBeDefined();
      const run = () => readDocx(fixtureBytes('docx', name), { name });
      if (want!.error) {
        let err: unknown;
        try {
          run();
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(UserError);
        expect(err).toMatchObject({ code: want!.error.code });
        expect((err as Error).message).toMatch(want!.error.message);
        return;
      }
      const r = run();
      const lines = linesOf(r);
      let from = 0;
      for (const line of want!.lines ?? []) {
        const at = lines.indexOf(line, from);
        expect(at, `line ${JSON.stringify(line)} (in order)`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
      const text = textOf(r);
      for (const s of want!.contains ?? []) expect(text).toContain(s);
      for (const s of want!.absent ?? []) expect(text).not.toContain(s);
      for (const n of want!.notices ?? []) expect(r.notices.join('\n')).toContain(n);
      if (want!.objects) {
        const kinds: Record<string, number> = {};
        for (const p of paragraphsOf(r)) for (const run of p.runs) if (run.object) kinds[run.object.kind] = (kinds[run.object.kind] ?? 0) + 1;
        expect(kinds).toEqual(want!.objects);
        // Shown, so no longer listed as left out.
        expect(r.notices.join('\n')).not.toMatch(/张图片|个图表/);
      }
      want!.check?.(r);
    });
  }
});
