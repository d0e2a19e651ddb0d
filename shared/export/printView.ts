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
import { CHARS_PER_LINE, LINE_TWIPS, MARGINS, PAGE, PT, TEXT_WIDTH_TWIPS, pageNumberText } from './gbt9704';
import type { DocumentLayout, FontSlot, LaidBlock, LaidParagraph } from './layout';

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
export function printCss(fonts: ExportFonts, scope = 'wg-print'): string {
  const number = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "${pageNumberText('" counter(page) "')}"; font-family: ${fontFamily(fonts, 'pageNumber')}; font-size: ${PT.pageNumber}pt; vertical-align: top; padding-top: 7mm; padding-${side}: ${PT.pageNumber}pt; }`;
  return `
@page { size: ${pt(PAGE.width)} ${pt(PAGE.height)}; margin: ${pt(MARGINS.top)} ${pt(MARGINS.right)} ${pt(MARGINS.bottom)} ${pt(MARGINS.left)}; }
@page :right { ${number('right')} }
@page :left { ${number('left')} }
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
.${scope} table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 14pt; line-height: 1.25; letter-spacing: 0; margin: 0; }
.${scope} td, .${scope} th { border: 0.75pt solid #000; padding: 0 5.4pt; vertical-align: top; text-align: left; font-weight: normal; }
.${scope} th { text-align: center; font-weight: bold; }
.${scope} thead { display: table-header-group; }
`;
}

/** Inline layout of one paragraph (indents in characters of its own size, spacing in lines). */
export function paragraphStyle(p: LaidParagraph): Record<string, string> {
  const s: Record<string, string> = {};
  const { firstLine, left, right } = p.indent;
  if (firstLine) s.textIndent = `${firstLine}em`;
  if (left) s.paddingLeft = `${left}em`;
  if (right) s.paddingRight = `${right}em`;
  if (p.align !== 'justify') s.textAlign = p.align;
  if (p.spaceBefore) s.marginTop = `calc(${p.spaceBefore} * ${LINE})`;
  if (p.spaceAfter) s.marginBottom = `calc(${p.spaceAfter} * ${LINE})`;
  return s;
}

export function paragraphClass(p: LaidParagraph): string {
  return `r-${p.role}${p.keepNext ? ' keep' : ''}`;
}

export function segmentClass(s: { font: FontSlot; bold?: boolean; italic?: boolean; underline?: boolean }): string {
  return [`f-${s.font}`, s.bold ? 'b' : '', s.italic ? 'i' : '', s.underline ? 'u' : ''].filter(Boolean).join(' ');
}

/** Column widths of a table in percent of the text width. */
export function columnPercents(widths: number[] | undefined, columns: number): number[] {
  const rel = widths && widths.length === columns ? widths : new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, b) => a + b, 0) || columns;
  return rel.map((w) => (w / sum) * 100);
}

export function tableColumns(b: LaidBlock & { type: 'table' }): number {
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
  const body = layout.blocks
    .map((b) => {
      if (b.type === 'paragraph') {
        const spans = b.segments.map((s) => `<span class="${segmentClass(s)}">${segmentHtml(s.text)}</span>`).join('');
        return `<p class="${paragraphClass(b)}"${styleAttr(paragraphStyle(b))}>${spans || '<br>'}</p>`;
      }
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
<style>html, body { margin: 0; padding: 0; background: #fff; }${printCss(fonts)}</style></head>
<body><div class="wg-print">
${body}
</div></body></html>
`;
}
