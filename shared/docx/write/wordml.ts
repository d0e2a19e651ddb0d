/**
 * WordprocessingML as strings: the paragraph and run properties the Word writer uses, each in
 * the order the schema (ECMA-376 Part 1, CT_PPrBase / CT_RPr / CT_SectPr) requires, and the small
 * package parts every .docx needs ([Content_Types].xml, relationships, core properties, settings).
 *
 * The writer (writeDocx.ts) builds document.xml from these directly: a 200,000-character report is
 * a few thousand paragraphs whose properties repeat, so each distinct property set is written once
 * and reused (see `cached`), and no object tree is built per paragraph.
 */

/** Characters XML 1.0 cannot hold (C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NOT_XML_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content: & < > escaped, characters XML cannot hold dropped. */
export function escapeText(s: string): string {
  const out = NOT_XML.test(s) ? s.replace(NOT_XML_ALL, '') : s;
  if (!/[&<>]/.test(out)) return out;
  return out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (in double quotes). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The namespaces of document.xml and footers: Word's, with those the text boxes (wp, wps) use. */
export const BODY_NAMESPACES =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  `xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="${NS_W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" ' +
  'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 w15 wp14"';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Run fonts: Latin for ascii/hAnsi/cs, Chinese for eastAsia, hint eastAsia (Chinese quotes take the Chinese font). */
export interface RunFont {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
}

export interface RunProps {
  font?: RunFont;
  /** true: <w:b/>; false: explicitly not bold (overrides a bold style); undefined: inherited. */
  bold?: boolean;
  italic?: boolean;
  color?: string;
  /** Character width in percent (w:w). */
  scale?: number;
  /** Half-points. */
  size?: number;
  underline?: boolean;
  /** Only in the document defaults. */
  lang?: { value: string; eastAsia: string };
}

/** A paragraph border: thickness in eighths of a point. */
export interface BorderProps {
  sz: number;
  color: string;
}

export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** w:widowControl 0 (Word's 孤行控制 off). */
  widowOff?: boolean;
  borders?: { top?: BorderProps; bottom?: BorderProps };
  tab?: { type: 'left' | 'right'; pos: number };
  /** w:snapToGrid 0: a line of another height than the document grid's. */
  offGrid?: boolean;
  spacing?: { before?: number; after?: number; line?: number; rule?: 'exact' | 'auto' };
  /** Twips; firstLineChars in hundredths of a character. */
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number; firstLineChars?: number };
  jc?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  outlineLevel?: number;
}

const onOff = (tag: string, v: boolean | undefined): string => (v === undefined ? '' : v ? `<w:${tag}/>` : `<w:${tag} w:val="false"/>`);

/** The children of a w:rPr (without the element itself), in schema order. */
export function runPropsXml(r: RunProps): string {
  let x = '';
  if (r.font) {
    const f = r.font;
    x += `<w:rFonts w:ascii="${escapeAttr(f.ascii)}" w:cs="${escapeAttr(f.cs)}" w:eastAsia="${escapeAttr(f.eastAsia)}" w:hAnsi="${escapeAttr(f.hAnsi)}" w:hint="eastAsia"/>`;
  }
  if (r.bold !== undefined) x += onOff('b', r.bold) + onOff('bCs', r.bold);
  if (r.italic) x += '<w:i/><w:iCs/>';
  if (r.color) x += `<w:color w:val="${escapeAttr(r.color)}"/>`;
  if (r.scale) x += `<w:w w:val="${Math.round(r.scale)}"/>`;
  if (r.size) x += `<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/>`;
  if (r.underline) x += '<w:u w:val="single"/>';
  if (r.lang) x += `<w:lang w:val="${r.lang.value}" w:eastAsia="${r.lang.eastAsia}"/>`;
  return x;
}

const border = (side: 'top' | 'bottom', b: BorderProps | undefined): string => (b ? `<w:${side} w:val="single" w:color="${escapeAttr(b.color)}" w:sz="${b.sz}" w:space="0"/>` : '');

/** The children of a w:pPr (without the element itself), in schema order. */
export function paragraphPropsXml(p: ParagraphProps): string {
  let x = '';
  if (p.style) x += `<w:pStyle w:val="${escapeAttr(p.style)}"/>`;
  x += onOff('keepNext', p.keepNext);
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.widowOff) x += '<w:widowControl w:val="0"/>';
  if (p.borders && (p.borders.top || p.borders.bottom)) x += `<w:pBdr>${border('top', p.borders.top)}${border('bottom', p.borders.bottom)}</w:pBdr>`;
  if (p.tab) x += `<w:tabs><w:tab w:val="${p.tab.type}" w:pos="${Math.round(p.tab.pos)}"/></w:tabs>`;
  if (p.offGrid) x += '<w:snapToGrid w:val="0"/>';
  const s = p.spacing;
  if (s) {
    x += '<w:spacing';
    if (s.after !== undefined) x += ` w:after="${Math.round(s.after)}"`;
    if (s.before !== undefined) x += ` w:before="${Math.round(s.before)}"`;
    if (s.line !== undefined) x += ` w:line="${Math.round(s.line)}" w:lineRule="${s.rule ?? 'auto'}"`;
    x += '/>';
  }
  const i = p.indent;
  if (i) {
    let a = '';
    if (i.firstLine !== undefined) a += ` w:firstLine="${Math.round(i.firstLine)}"`;
    if (i.firstLineChars !== undefined) a += ` w:firstLineChars="${Math.round(i.firstLineChars)}"`;
    if (i.hanging !== undefined) a += ` w:hanging="${Math.round(i.hanging)}"`;
    if (i.left !== undefined) a += ` w:left="${Math.round(i.left)}"`;
    if (i.right !== undefined) a += ` w:right="${Math.round(i.right)}"`;
    if (a) x += `<w:ind${a}/>`;
  }
  if (p.jc) x += `<w:jc w:val="${p.jc}"/>`;
  if (p.outlineLevel !== undefined) x += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return x;
}

/** Memoises a string builder by a key: each distinct property set is written once per document. */
export function cached<T>(build: (v: T) => string, key: (v: T) => string = (v) => JSON.stringify(v)): (v: T) => string {
  const memo = new Map<string, string>();
  return (v) => {
    const k = key(v);
    let s = memo.get(k);
    if (s === undefined) {
      s = build(v);
      memo.set(k, s);
    }
    return s;
  };
}

/**
 * A run's content: "\t" as w:tab, the text in w:t (spaces kept). A run holds one line: the writer
 * starts each further line with a w:br.
 */
export function runContentXml(line: string): string {
  let x = '';
  const parts = line.split('\t');
  for (let j = 0; j < parts.length; j++) {
    if (j > 0) x += '<w:tab/>';
    if (parts[j]) x += `<w:t xml:space="preserve">${escapeText(parts[j]!)}</w:t>`;
  }
  return x;
}

export interface StyleDef {
  id: string;
  name: string;
  paragraph: ParagraphProps;
  run: RunProps;
}

/** A paragraph style based on Normal, in Word's style gallery (w:qFormat). */
export function styleXml(s: StyleDef): string {
  const pPr = paragraphPropsXml(s.paragraph);
  const rPr = runPropsXml(s.run);
  return (
    `<w:style w:type="paragraph" w:styleId="${escapeAttr(s.id)}"><w:name w:val="${escapeAttr(s.name)}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`
  );
}

/** styles.xml: document defaults, Normal, Word's default table style, then the template's styles. */
export function stylesXml(defaults: { run: RunProps; paragraph: ParagraphProps }, normal: ParagraphProps, styles: StyleDef[]): string {
  const normalPPr = paragraphPropsXml(normal);
  return (
    `${XML_DECLARATION}<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="${NS_R}" xmlns:w="${NS_W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${runPropsXml(defaults.run)}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${paragraphPropsXml(defaults.paragraph)}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${normalPPr ? `<w:pPr>${normalPPr}</w:pPr>` : ''}</w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `${styles.map(styleXml).join('')}</w:styles>`
  );
}

/** settings.xml: Word 2013+ compatibility, a tab stop every half inch, odd/even footers on request. */
export function settingsXml(evenAndOdd: boolean): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:defaultTabStop w:val="720"/>${evenAndOdd ? '<w:evenAndOddHeaders/>' : ''}` +
    '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

export function footerXml(paragraphs: string): string {
  return `${XML_DECLARATION}<w:ftr ${BODY_NAMESPACES}>${paragraphs}</w:ftr>`;
}

/** The PAGE field as runs, each with the given run properties (a field without them takes the body font). */
export function pageFieldRunsXml(rPr: string): string {
  const r = (inner: string) => `<w:r><w:rPr>${rPr}</w:rPr>${inner}</w:r>`;
  return r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText xml:space="preserve">PAGE</w:instrText>') + r('<w:fldChar w:fldCharType="separate"/>') + r('<w:fldChar w:fldCharType="end"/>');
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackageParts {
  documentXml: string;
  stylesXml: string;
  settingsXml: string;
  /** Footer parts in order: word/footer1.xml, word/footer2.xml… */
  footers: string[];
  core: { title: string; author: string; created: Date };
}

/** The id of the relationship of footer number `k` (0-based) in document.xml.rels. */
export const footerRelId = (k: number): string => `rId${3 + k}`;

/** Every part of the package, by path, as strings. */
export function packageParts(p: PackageParts): Record<string, string> {
  const footerNames = p.footers.map((_f, k) => `footer${k + 1}.xml`);
  const ct =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
    footerNames.map((n) => `<Override PartName="/word/${n}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`).join('') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rels =
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  const docRels =
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/>` +
    footerNames.map((n, k) => `<Relationship Id="${footerRelId(k)}" Type="${REL}/footer" Target="${n}"/>`).join('') +
    '</Relationships>';
  const when = p.core.created.toISOString().replace(/\.\d+Z$/, 'Z');
  const author = escapeText(p.core.author);
  const core =
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (p.core.title ? `<dc:title>${escapeText(p.core.title)}</dc:title>` : '') +
    (author ? `<dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy>` : '') +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  const app =
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Wengao</Application></Properties>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': ct,
    '_rels/.rels': rels,
    'docProps/core.xml': core,
    'docProps/app.xml': app,
    'word/document.xml': p.documentXml,
    'word/_rels/document.xml.rels': docRels,
    'word/styles.xml': p.stylesXml,
    'word/settings.xml': p.settingsXml,
  };
  p.footers.forEach((f, k) => (parts[`word/${footerNames[k]}`] = f));
  return parts;
}
