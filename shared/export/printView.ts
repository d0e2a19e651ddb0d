/**
 * The print view: the 公文 layout as HTML + CSS paged media, for PDF (Electron's printToPDF, a
 * browser's print, headless Chromium from the CLI). It renders the same layout plan as the Word
 * writer, with the same values: A4, GB/T 9704 margins, 28.95 pt lines (22 a page), 28
 * characters a line, "— N —" in 宋体 四号 7 mm below the text block, odd pages right and even
 * pages left with one character's space (CSS @page :right / :left margin boxes).
 *
 * The renderer builds its DOM from `printBlocks` and installs `printCss` through CSSOM (its CSP
 * forbids inline styles); `printHtmlDocument` is the standalone page for headless browsers.
 */
import { FONT_FALLBACKS, type ExportFonts } from './fonts';
import { CHARS_PER_LINE, LINE_TWIPS, MARGINS, PAGE, PT, RED, TEXT_HEIGHT_TWIPS, TEXT_WIDTH_TWIPS, mm, pageNumberText } from './gbt9704';
import type { DocumentLayout, FontSlot, LaidBlock, LaidFloat, LaidJointMark, LaidParagraph, Rule } from './layout';

const pt = (twips: number) => `${twips / 20}pt`;
// Spans set line-height 1: inline boxes of fonts with other ascents (Times New Roman in Chinese
// text) then stay inside the paragraph's 28.95 pt strut instead of making a line taller.
const LINE = pt(LINE_TWIPS);

function family(primary: string[], fallbacks: string[]): string {
  const seen = new Set<string>();
  const names = [...primary, ...fallbacks].filter((n) => !seen.has(n) && seen.add(n));
  return names.map((n) => (/^(serif|sans-serif)$/.test(n) ? n : `"${n}"`)).join(', ');
}

/** CSS font-family for a font slot: the Latin font first (it has no CJK glyphs), then the Chinese one. */
export function fontFamily(fonts: ExportFonts, slot: FontSlot | 'pageNumber'): string {
  if (slot === 'pageNumber') return family([fonts.pageNumber], FONT_FALLBACKS.pageNumber);
  return family([fonts.latin, fonts[slot]], [...FONT_FALLBACKS.latin.slice(0, -1), ...FONT_FALLBACKS[slot]]);
}

/** Letter spacing that sets 28 三号 characters in the 156 mm line (27.6 would fit otherwise). */
const LETTER_SPACING = `${Math.floor(((TEXT_WIDTH_TWIPS / 20 / CHARS_PER_LINE - PT.body) * 100)) / 100}pt`;

/** The stylesheet of the print view. `scope` is the class of its root element. */
export function printCss(fonts: ExportFonts, scope = 'wg-print', layout?: DocumentLayout): string {
  const number = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "${pageNumberText('" counter(page) "')}"; font-family: ${fontFamily(fonts, 'pageNumber')}; font-size: ${PT.pageNumber}pt; vertical-align: top; padding-top: 7mm; padding-${side}: ${PT.pageNumber}pt; }`;
  return `
@page { size: ${pt(PAGE.width)} ${pt(PAGE.height)}; margin: ${pt(MARGINS.top)} ${pt(MARGINS.right)} ${pt(MARGINS.bottom)} ${pt(MARGINS.left)}; }
@page :right { ${number('right')} }
@page :left { ${number('left')} }
${layout ? pageRulesCss(layout, scope) : ''}
${pagedCss(scope)}
.${scope} { font-family: ${fontFamily(fonts, 'body')}; font-size: ${PT.body}pt; line-height: ${LINE}; letter-spacing: ${LETTER_SPACING}; color: #000; background: #fff; text-align: justify; orphans: 1; widows: 1; line-break: strict; overflow-wrap: anywhere; font-kerning: none; }
.${scope} p { margin: 0; white-space: pre-wrap; }
.${scope} p > span { line-height: 1; }
.${scope} .r-title, .${scope} .r-attachment-title, .${scope} .r-issuer-mark { font-size: ${PT.title}pt; text-align: center; }
.${scope} .f-title { font-family: ${fontFamily(fonts, 'title')}; }
.${scope} .f-heading1 { font-family: ${fontFamily(fonts, 'heading1')}; }
.${scope} .f-heading2 { font-family: ${fontFamily(fonts, 'heading2')}; }
.${scope} .f-body { font-family: ${fontFamily(fonts, 'body')}; }
.${scope} .b { font-weight: bold; }
.${scope} .i { font-style: italic; }
.${scope} .u { text-decoration: underline; }
.${scope} .keep { break-after: avoid; }
/* A block formatting context: a first paragraph's top margin (the 信函's 发文字号) must not move the view's top, from which the 信函's head is placed. */
.${scope} { position: relative; display: flow-root; }
.${scope} p.tabbed { position: relative; }
.${scope} .tab-left { position: absolute; top: 0; }
.${scope} .tab-right { position: absolute; top: 0; }
.${scope} p > .tab-left, .${scope} p > .tab-right { line-height: inherit; }
.${scope} .scaled { display: inline-block; white-space: nowrap; }
.${scope} .joint-mark { display: flex; justify-content: center; align-items: center; color: #${RED}; font-family: ${fontFamily(fonts, 'title')}; letter-spacing: 0; }
.${scope} .joint-mark .organs p { text-align: justify; text-align-last: justify; }
.${scope} .record { break-inside: avoid; }
.${scope} .page-break { break-before: page; }
.${scope} .blank-page { height: 1px; }
.${scope} .letter-head { position: absolute; }
.${scope} table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 14pt; line-height: 1.25; letter-spacing: 0; margin: 0; }
.${scope} td, .${scope} th { border: 0.75pt solid #000; padding: 0 5.4pt; vertical-align: top; text-align: left; font-weight: normal; }
.${scope} th { text-align: center; font-weight: bold; }
.${scope} thead { display: table-header-group; }
`;
}

const border = (r: Rule) => `${r.pt}pt solid #${r.color}`;

/** Inline layout of one paragraph (indents in characters of its own size, spacing in lines). */
export function paragraphStyle(p: LaidParagraph): Record<string, string> {
  const s: Record<string, string> = {};
  if (p.size !== PT.body && p.role !== 'title' && p.role !== 'attachment-title') s.fontSize = `${p.size}pt`;
  if (p.role === 'attachment-title') s.fontSize = `${PT.title}pt`;
  if (p.line !== LINE_TWIPS) s.lineHeight = pt(p.line);
  if (p.color) s.color = `#${p.color}`;
  if (p.pageBreakBefore) s.breakBefore = 'page';
  if (p.borders?.top) s.borderTop = border(p.borders.top);
  if (p.borders?.bottom) s.borderBottom = border(p.borders.bottom);
  if (p.segments.length === 0 && p.role === 'separator') s.height = pt(p.line);
  if (p.scale && p.scale < 100) s.whiteSpace = 'nowrap';
  const { firstLine, left, right } = p.indent;
  if (firstLine) s.textIndent = `${firstLine}em`;
  if (left) s.paddingLeft = `${left}em`;
  if (right) s.paddingRight = `${right}em`;
  if (p.align === 'distribute') {
    s.textAlign = 'justify';
    s.textAlignLast = 'justify';
  } else if (p.align !== 'justify') s.textAlign = p.align;
  if (p.spaceBefore || p.gapBefore) s.marginTop = `calc(${p.spaceBefore} * ${LINE} + ${(p.gapBefore ?? 0) / 20}pt)`;
  if (p.spaceAfter) s.marginBottom = `calc(${p.spaceAfter} * ${LINE})`;
  return s;
}

export function paragraphClass(p: LaidParagraph): string {
  return `r-${p.role}${p.keepNext ? ' keep' : ''}${p.tab ? ' tabbed' : ''}${p.pageBreakBefore ? ' page-break' : ''}`;
}

/** A paragraph's text pieces; with a tab stop, the pieces after the tab sit at the stop. */
export interface PrintPiece {
  text: string;
  className: string;
  style: Record<string, string>;
}

export interface PrintPieces {
  main: PrintPiece[];
  /** The text after the tab, and the box that puts it at the stop (null without a tab). */
  tab: { pieces: PrintPiece[]; className: string; style: Record<string, string> } | null;
}

export function paragraphPieces(p: LaidParagraph): PrintPieces {
  const main: PrintPiece[] = [];
  const after: PrintPiece[] = [];
  let afterTab = false;
  const scaled = p.scale !== undefined && p.scale < 100;
  for (const seg of p.segments) {
    seg.text.split('\t').forEach((text, k) => {
      if (k > 0 && p.tab) afterTab = true;
      if (text === '') return;
      const style: Record<string, string> = scaled ? { transform: `scaleX(${p.scale! / 100})` } : {};
      const piece: PrintPiece = { text, className: segmentClass(seg) + (scaled ? ' scaled' : ''), style };
      (afterTab ? after : main).push(piece);
    });
  }
  if (!p.tab) return { main, tab: null };
  const style: Record<string, string> = {};
  if (p.tab.type === 'right') style.right = `${(TEXT_WIDTH_TWIPS - p.tab.pos) / 20 - Math.max(0, p.indent.right) * p.size}pt`;
  else style.left = `${p.tab.pos / 20 - Math.max(0, p.indent.left) * p.size}pt`;
  return { main, tab: { pieces: after, className: p.tab.type === 'right' ? 'tab-right' : 'tab-left', style } };
}

/** Joint issuance as a row: the organs (each spread over the column) and "文件" beside them. */
export function jointMarkStyles(m: LaidJointMark): { box: Record<string, string>; organs: Record<string, string>; suffix: Record<string, string> } {
  return {
    box: { fontSize: `${m.size}pt`, lineHeight: pt(m.line), marginTop: pt(m.gapBefore) },
    organs: { width: pt(m.widths[0]), transform: m.scale < 100 ? `scaleX(${m.scale / 100})` : '' },
    suffix: { width: pt(m.widths[1]) },
  };
}

/**
 * Where a float goes. The 版记: after the text, pushed down (`placeRecord`, once the view is laid
 * out) to the bottom of its page. The 信函's head: out of the flow, its top 30 mm from the top of
 * the paper (the root starts at the top of the first page's 版心), 170 mm wide. Its lower double
 * line lies in the first page's bottom margin: drawn by the page rules (`pageRulesCss`) in print
 * and by the preview on its first sheet, so it has no box in the flow.
 */
export function floatStyle(f: LaidFloat): Record<string, string> {
  if (f.kind === 'record') return { width: pt(f.width) };
  if (f.kind === 'letter-foot') return { display: 'none' };
  return { left: pt(f.x), top: pt(f.y - MARGINS.top), width: pt(f.width), height: pt(f.height) };
}

/** The name of the pages that carry no number (7.5: the blank page before the 版记 page, and that page). */
export const UNNUMBERED_PAGE = 'wg-unnumbered';

/** The 信函's lower double line (10.1), if the layout has one. */
export function letterFoot(layout: DocumentLayout): LaidFloat | null {
  return layout.blocks.find((b): b is LaidFloat => b.type === 'float' && b.kind === 'letter-foot') ?? null;
}

/** The double line as a box: its two borders and the gap between them (the float's one paragraph). */
export function letterFootStyle(f: LaidFloat): Record<string, string> {
  const p = f.blocks[0];
  const s: Record<string, string> = { width: pt(f.width), height: pt(p?.line ?? 0), boxSizing: 'content-box' };
  if (p?.borders?.top) s.borderTop = border(p.borders.top);
  if (p?.borders?.bottom) s.borderBottom = border(p.borders.bottom);
  return s;
}

const cssText = (s: Record<string, string>) =>
  Object.entries(s)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${v};`)
    .join(' ');

/**
 * Page rules that depend on the document: no number on the 信函's first page, the 信函's lower
 * double line in the first page's bottom margin (20 mm above the paper's edge), and no number on
 * pages named UNNUMBERED_PAGE (7.5).
 */
export function pageRulesCss(layout: DocumentLayout, scope = 'wg-print'): string {
  const none = '@bottom-right { content: none; } @bottom-left { content: none; }';
  const first: string[] = [];
  if (!layout.numberFirstPage) first.push(none);
  const foot = letterFoot(layout);
  if (foot) first.push(`@bottom-center { content: ""; vertical-align: top; ${cssText({ ...letterFootStyle(foot), marginTop: pt(foot.y - (PAGE.height - MARGINS.bottom)) })} }`);
  // The 信函's head lies 30 mm from the paper's top, above the 版心 (37 mm): a browser draws
  // nothing above a page's area, so the first page's area starts at the head and the view is
  // padded down to the 版心 by the difference.
  const head = layout.blocks.find((b): b is LaidFloat => b.type === 'float' && b.kind === 'letter-head');
  const headCss = head
    ? `@page :first { margin-top: ${pt(head.y)}; }
@media print { .${scope} { padding-top: ${pt(MARGINS.top - head.y)}; } .${scope} .letter-head { top: 0 !important; } }`
    : '';
  return `${headCss}
@page ${UNNUMBERED_PAGE} { ${none} }
.${scope} .unnumbered { page: ${UNNUMBERED_PAGE}; }
${first.length ? `@page :first { ${first.join(' ')} }` : ''}`;
}

/** Gap between two sheets of the print preview, in twips. */
export const SHEET_GAP_TWIPS = 480;
const PX_PER_TWIP = 96 / 72 / 20;
/** One sheet plus the gap, in CSS pixels: how far apart the preview's pages (its columns) lie. */
export const SHEET_STRIDE_PX = (PAGE.width + SHEET_GAP_TWIPS) * PX_PER_TWIP;
export const SHEET_WIDTH_PX = PAGE.width * PX_PER_TWIP;
export const SHEET_HEIGHT_PX = PAGE.height * PX_PER_TWIP;
/** The 版心's corner on a sheet, in CSS pixels. */
export const TEXT_ORIGIN_PX = { left: MARGINS.left * PX_PER_TWIP, top: MARGINS.top * PX_PER_TWIP } as const;
/** Where the page number sits on a sheet: 7 mm under the 版心, one 四号 character in from the side. */
export const PAGE_NUMBER_BOX = { top: pt(PAGE.height - MARGINS.bottom + mm(7)), side: `${PT.pageNumber}pt`, right: pt(MARGINS.right), left: pt(MARGINS.left) } as const;

/**
 * On screen the view is paged as it prints: a multi-column box whose columns are the 版心 of each
 * sheet (156 × 225 mm), one sheet apart, so the browser breaks lines and pages as in print. Forced
 * page breaks become column breaks (a page break does not break columns).
 */
export function pagedCss(scope = 'wg-print'): string {
  const gap = PAGE.width - TEXT_WIDTH_TWIPS + SHEET_GAP_TWIPS;
  return `@media screen {
.${scope}.wg-paged { position: absolute; left: ${pt(MARGINS.left)}; top: ${pt(MARGINS.top)}; width: ${pt(TEXT_WIDTH_TWIPS)}; height: ${pt(TEXT_HEIGHT_TWIPS)}; columns: ${pt(TEXT_WIDTH_TWIPS)} auto; column-gap: ${pt(gap)}; column-fill: auto; }
.${scope}.wg-paged .page-break, .${scope}.wg-paged [style*="break-before: page"] { break-before: column !important; }
}`;
}

/** How the 版记 is placed once the view is laid out with it right after the text. */
export interface RecordPlacement {
  /** Space above it that puts its last rule on the bottom edge of its page's 版心 (CSS px). */
  marginTop: number;
  /** It starts a new page. */
  breakBefore: boolean;
  /** A blank page comes first, so that the 版记 lies on an even page, the back of the last sheet (7.4.1, 7.5). */
  blankBefore: boolean;
}

/**
 * `textEndPage` is the page (from 0) the text before the 版记 ends on, `page` the page the 版记
 * fell on with no space above it, `top` its offset from that page's 版心 top and `height` its
 * height (CSS px). On the text's last page it moves to the bottom; on a page of its own it goes
 * to the bottom of that page, which must be an even page: else a blank page comes first.
 */
export function placeRecord(m: { textEndPage: number; page: number; top: number; height: number }): RecordPlacement {
  // Half a pixel short of the bottom: rounding must not push it over onto the next page.
  const page = TEXT_HEIGHT_PX - 0.5;
  if (m.page <= m.textEndPage && m.top + m.height <= page) return { marginTop: Math.max(0, page - m.top - m.height), breakBefore: false, blankBefore: false };
  const own = m.textEndPage + 1;
  return { marginTop: Math.max(0, page - m.height), breakBefore: true, blankBefore: own > 0 && (own + 1) % 2 === 1 };
}

/** The page numbers shown, page by page ("— N —", or null): the counter runs on through unnumbered pages. */
export function pageNumbers(count: number, numberFirstPage: boolean, unnumbered: ReadonlySet<number>): Array<string | null> {
  return Array.from({ length: count }, (_, i) => ((i === 0 && !numberFirstPage) || unnumbered.has(i) ? null : pageNumberText(i + 1)));
}

/** The page's text height in CSS pixels (225 mm). */
export const TEXT_HEIGHT_PX = (TEXT_HEIGHT_TWIPS / 20) * (96 / 72);

/**
 * Puts the 版记 at the bottom of the last page: the gap above it that fills the page. `top` is the
 * 版记's offset from the start of the text of its page run (after the last forced page break),
 * `height` its own height, both in CSS pixels.
 */
export function recordGap(top: number, height: number): number {
  const page = TEXT_HEIGHT_PX;
  const used = top % page;
  if (used + height <= page + 0.5) return Math.max(0, page - used - height);
  // It does not fit: on the next page, at its bottom.
  return page - used + Math.max(0, page - height);
}

/** The script of the standalone page: the same placement, once fonts are loaded. */
const PLACE_RECORD_SCRIPT = `(function(){function place(){var r=document.querySelector('.wg-print .record');if(!r)return;r.style.marginTop='0px';var root=document.querySelector('.wg-print');var start=root.getBoundingClientRect().top;var breaks=root.querySelectorAll('[style*="break-before: page"]');if(breaks.length)start=breaks[breaks.length-1].getBoundingClientRect().top;var top=r.getBoundingClientRect().top-start;var page=${TEXT_HEIGHT_PX};var h=r.getBoundingClientRect().height;var used=top%page;var gap=used+h<=page+0.5?Math.max(0,page-used-h):page-used+Math.max(0,page-h);r.style.marginTop=gap+'px';}if(document.fonts&&document.fonts.ready)document.fonts.ready.then(place);else place();})();`;

export function segmentClass(s: { font: FontSlot; bold?: boolean; italic?: boolean; underline?: boolean }): string {
  return [`f-${s.font}`, s.bold ? 'b' : '', s.italic ? 'i' : '', s.underline ? 'u' : ''].filter(Boolean).join(' ');
}

/** Column widths of a table in percent of the text width. */
export function columnPercents(widths: number[] | undefined, columns: number): number[] {
  const rel = widths && widths.length === columns ? widths : new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, b) => a + b, 0) || columns;
  return rel.map((w) => (w / sum) * 100);
}

export function tableColumns(b: Extract<LaidBlock, { type: 'table' }>): number {
  return Math.max(1, ...b.table.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const styleAttr = (s: Record<string, string>) => {
  const css = Object.entries(s)
    .map(([k, v]) => `${kebab(k)}: ${v}`)
    .join('; ');
  return css ? ` style="${escapeHtml(css)}"` : '';
};

function segmentHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** A standalone HTML page of the print view (for headless browsers; no scripts, no remote content). */
export function printHtmlDocument(layout: DocumentLayout, fonts: ExportFonts): string {
  const paragraphHtml = (b: LaidParagraph) => {
    const span = (x: PrintPiece) => `<span class="${x.className}"${styleAttr(x.style)}>${segmentHtml(x.text)}</span>`;
    const pieces = paragraphPieces(b);
    const spans = pieces.main.map(span).join('') + (pieces.tab ? `<span class="${pieces.tab.className}"${styleAttr(pieces.tab.style)}>${pieces.tab.pieces.map(span).join('')}</span>` : '');
    return `<p class="${paragraphClass(b)}"${styleAttr(paragraphStyle(b))}>${spans || '<br>'}</p>`;
  };
  const body = layout.blocks
    .map((b) => {
      if (b.type === 'paragraph') return paragraphHtml(b);
      if (b.type === 'joint-mark') {
        const st = jointMarkStyles(b);
        return `<div class="joint-mark"${styleAttr(st.box)}><div class="organs"${styleAttr(st.organs)}>${b.organs.map((o) => `<p>${escapeHtml(o)}</p>`).join('')}</div><div class="suffix"${styleAttr(st.suffix)}>${escapeHtml(b.suffix)}</div></div>`;
      }
      if (b.type === 'float') return `<div class="${b.kind === 'record' ? 'record' : 'letter-head'}"${styleAttr(floatStyle(b))}>${b.blocks.map(paragraphHtml).join('')}</div>`;
      const cols = columnPercents(b.table.columnWidths, tableColumns(b));
      const rows = b.table.rows.map((r) => {
        const cells = r.cells
          .map((c) => {
            const tag = r.header ? 'th' : 'td';
            const span = `${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
            const paras = c.paragraphs.map((p) => `<p>${segmentHtml(p.runs.map((x) => x.text).join(''))}</p>`).join('');
            return `<${tag}${span}>${paras}</${tag}>`;
          })
          .join('');
        return `<tr>${cells}</tr>`;
      });
      const head = b.table.rows.findIndex((r) => !r.header);
      const headRows = head < 0 ? rows : rows.slice(0, head);
      const bodyRows = head < 0 ? [] : rows.slice(head);
      return `<table><colgroup>${cols.map((w) => `<col style="width: ${w.toFixed(3)}%">`).join('')}</colgroup>${headRows.length ? `<thead>${headRows.join('')}</thead>` : ''}<tbody>${bodyRows.join('')}</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(layout.title || '文稿')}</title>
<style>html, body { margin: 0; padding: 0; background: #fff; }${printCss(fonts, 'wg-print', layout)}</style></head>
<body><div class="wg-print">
${body}
</div><script>${PLACE_RECORD_SCRIPT}</script></body></html>
`;
}
