/**
 * A small Word document with what lives outside its text (issue #11): a first-page, odd and even
 * header, a footer "— PAGE —", two comments by different authors and a continuous section break
 * after its second paragraph (the second section inherits the headers and footers).
 */
import { makeDocx, W } from './makeDocx';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
const part = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}">${inner}</w:${root}>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

export const STORIES_TEXT = {
  first: '第一节正文：关于加强公文管理的通知',
  anchor1: '公文管理',
  second: '本段结束第一节。',
  third: '第二节正文，第二条批注在此。',
  anchor2: '第二条批注',
  headerFirst: '首页页眉文字',
  headerOdd: '某市人民政府办公室',
  headerEven: '偶数页页眉文字',
  footer: '— {页码} —',
  comment1: '请核对“公文管理”的提法。',
  comment2: '这一段可以删去。',
} as const;

export function makeStoriesDocx(): Uint8Array {
  const t = STORIES_TEXT;
  const body =
    `<w:p><w:r><w:t xml:space="preserve">第一节正文：关于加强</w:t></w:r><w:commentRangeStart w:id="0"/>${run(t.anchor1)}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${run('的通知')}</w:p>` +
    `<w:p><w:pPr><w:sectPr><w:headerReference w:type="even" r:id="rH3"/><w:headerReference w:type="default" r:id="rH1"/><w:headerReference w:type="first" r:id="rH2"/><w:footerReference w:type="default" r:id="rF1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:titlePg/></w:sectPr></w:pPr>${run(t.second)}</w:p>` +
    `<w:p>${run('第二节正文，')}<w:commentRangeStart w:id="1"/>${run(t.anchor2)}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>${run('在此。')}</w:p>` +
    `<w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  const field = (instr: string, result: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const hdr = (text: string) => part('hdr', `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(text)}</w:p>`);
  const comment = (id: number, author: string, date: string, text: string) =>
    `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author.slice(0, 1)}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r>${run(text)}</w:p></w:comment>`;
  const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return makeDocx({
    body,
    extra: {
      '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="${CT}.header+xml"/><Override PartName="/word/header2.xml" ContentType="${CT}.header+xml"/><Override PartName="/word/header3.xml" ContentType="${CT}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="${CT}.footer+xml"/><Override PartName="/word/comments.xml" ContentType="${CT}.comments+xml"/><Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/></Types>`,
      'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${REL('rH1', 'header', 'header1.xml')}${REL('rH2', 'header', 'header2.xml')}${REL('rH3', 'header', 'header3.xml')}${REL('rF1', 'footer', 'footer1.xml')}${REL('rC', 'comments', 'comments.xml')}${REL('rS', 'settings', 'settings.xml')}</Relationships>`,
      'word/header1.xml': hdr(t.headerOdd),
      'word/header2.xml': hdr(t.headerFirst),
      'word/header3.xml': hdr(t.headerEven),
      'word/footer1.xml': part('ftr', `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run('— ')}${field('PAGE  \\* MERGEFORMAT', '1')}${run(' —')}</w:p>`),
      'word/comments.xml': part('comments', comment(0, '张三', '2026-01-20T09:30:00Z', t.comment1) + comment(1, '李四', '2026-01-21T14:05:00Z', t.comment2)),
      'word/settings.xml': part('settings', '<w:evenAndOddHeaders/>'),
    },
  });
}

const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

export const REPLIES_TEXT = {
  first: '关于加强公文管理的通知',
  anchor: '公文管理',
  second: '请各单位于月底前报送。',
  anchorDone: '月底前',
  header: '某市人民政府办公室',
  footnote: '脚注：依据有关规定。',
  question: '“公文管理”是否改为“公文处理”？',
  questionMore: '请法规科一并核对。',
  answer: '同意改为“公文处理”。',
  answer2: '已改。',
  done: '时间已确认。',
  onHeader: '页眉的单位名称要用全称。',
  onHeaderReply: '已按全称修改。',
  onFootnote: '脚注请补充文号。',
} as const;

/**
 * A Word document whose comments have replies (w15:commentEx paraIdParent in
 * commentsExtended.xml, matched to the w14:paraId of each comment's last paragraph), one marked
 * done, one on the header's text with a reply and one on a footnote's text. Ids: 0 question (two
 * paragraphs) with replies 1 and 2 (2 answers 1: Word puts it in the same thread), 3 done, 4 on
 * the header with reply 5 (no marks of its own), 6 on the footnote.
 */
export function makeRepliesDocx(): Uint8Array {
  const t = REPLIES_TEXT;
  const ref = (id: number) => `<w:r><w:commentReference w:id="${id}"/></w:r>`;
  const ranged = (ids: number[], text: string) => ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('') + run(text) + ids.map((id) => `<w:commentRangeEnd w:id="${id}"/>${ref(id)}`).join('');
  const body =
    `<w:p>${run('关于加强')}${ranged([0, 1, 2], t.anchor)}${run('的通知')}</w:p>` +
    `<w:p>${run('请各单位于')}${ranged([3], t.anchorDone)}${run('报送。')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
    `<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr>`;
  const para = (id: string, text: string) => `<w:p w14:paraId="${id}" w14:textId="77777777"><w:r><w:annotationRef/></w:r>${run(text)}</w:p>`;
  const comment = (id: number, author: string, date: string, paragraphs: string) => `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author.slice(0, 1)}">${paragraphs}</w:comment>`;
  const comments =
    comment(0, '张三', '2026-01-20T09:30:00Z', para('1A000001', t.question) + para('1A000002', t.questionMore)) +
    comment(1, '李四', '2026-01-20T10:00:00Z', para('1A000003', t.answer)) +
    comment(2, '张三', '2026-01-20T10:05:00Z', para('1A000004', t.answer2)) +
    comment(3, '王五', '2026-01-21T08:00:00Z', para('1A000005', t.done)) +
    comment(4, '赵六', '2026-01-22T09:00:00Z', para('1A000006', t.onHeader)) +
    comment(5, '张三', '2026-01-22T09:30:00Z', para('1A000007', t.onHeaderReply)) +
    comment(6, '赵六', '2026-01-22T09:40:00Z', para('1A000008', t.onFootnote));
  const ex = (id: string, parent?: string, done = false) => `<w15:commentEx w15:paraId="${id}"${parent ? ` w15:paraIdParent="${parent}"` : ''} w15:done="${done ? 1 : 0}"/>`;
  const extended = ex('1A000002') + ex('1A000003', '1A000002') + ex('1A000004', '1A000003') + ex('1A000005', undefined, true) + ex('1A000006') + ex('1A000007', '1A000006') + ex('1A000008');
  const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return makeDocx({
    body,
    extra: {
      '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="${CT}.header+xml"/><Override PartName="/word/footnotes.xml" ContentType="${CT}.footnotes+xml"/><Override PartName="/word/comments.xml" ContentType="${CT}.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="${CT}.commentsExtended+xml"/></Types>`,
      'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${REL('rH1', 'header', 'header1.xml')}${REL('rFn', 'footnotes', 'footnotes.xml')}${REL('rC', 'comments', 'comments.xml')}<Relationship Id="rCx" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>`,
      'word/header1.xml': part('hdr', `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:commentRangeStart w:id="4"/>${run(t.header)}<w:commentRangeEnd w:id="4"/>${ref(4)}</w:p>`),
      'word/footnotes.xml': part(
        'footnotes',
        `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${ranged([6], t.footnote)}</w:p></w:footnote>`,
      ),
      'word/comments.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">${comments}</w:comments>`,
      'word/commentsExtended.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15}">${extended}</w15:commentsEx>`,
    },
  });
}
