/**
 * Plain text ↔ the document model. Each line is a paragraph (a line too long to edit briskly is
 * shown as several, joined back on writing: see LONG_LINE_CHARS); leading full-width spaces (U+3000),
 * spaces and tabs become the paragraph's first-line indent rather than text (up to the model's
 * widest indent; wider leading whitespace stays text). The layout of the
 * file (line endings, final newline, the exact whitespace used for each indent width) is kept in
 * a TextLayout so that writing the document back reproduces the same text for untouched lines.
 */
import { paragraphText, type Block, type Paragraph, type Run, type WgDocument } from '../model/document';
import { MAX_INDENT_CHARS } from '../model/limits';

export type LineEnding = '\r\n' | '\n' | '\r';

export interface TextLayout {
  lineEnding: LineEnding;
  /** The text ended with a line break (not shown as an empty last paragraph). */
  finalNewline: boolean;
  /** For each first-line indent width (in characters, as a string key), the whitespace the file used for it. */
  indents: Record<string, string>;
  /** Lines longer than LONG_LINE_CHARS, each shown as several paragraphs (absent: none). */
  longLines?: number;
}

/**
 * Lines longer than this are shown as paragraphs of at most about this many characters, cut
 * after a sentence's end (。！？ and any closing quote) between LONG_LINE_MIN_CHARS and it. In
 * one paragraph of a million characters Chromium lays out the whole line again on every
 * keystroke (about a second); in paragraphs of a few thousand a keystroke stays within a frame.
 * The later paragraphs of a line carry `continuesLine`, so the line is written back as it was.
 */
export const LONG_LINE_CHARS = 4000;
const LONG_LINE_MIN_CHARS = 2000;
const SENTENCE_ENDS = '。！？';
const CLOSERS = '”’」』）》】〉"\')';
/** Where to cut when no sentence ends in the window: after a clause, else anywhere. */
const CLAUSE_ENDS = '；，、;,';

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** End of the piece of `line` that starts at `start` (the line's end when the rest is short). */
function pieceEnd(line: string, start: number): number {
  const max = start + LONG_LINE_CHARS;
  if (line.length <= max) return line.length;
  for (const marks of [SENTENCE_ENDS, CLAUSE_ENDS]) {
    for (let i = max - 1; i >= start + LONG_LINE_MIN_CHARS; i--) {
      if (!marks.includes(line[i]!)) continue;
      let end = i + 1;
      while (end < line.length && CLOSERS.includes(line[end]!)) end++;
      return end;
    }
  }
  return isHighSurrogate(line.charCodeAt(max - 1)) ? max - 1 : max;
}

/** A long line's text after its indent, as the pieces shown as paragraphs (one piece when short). */
export function splitLongLine(body: string): string[] {
  if (body.length <= LONG_LINE_CHARS) return [body];
  const pieces: string[] = [];
  for (let start = 0; start < body.length; ) {
    const end = pieceEnd(body, start);
    pieces.push(body.slice(start, end));
    start = end;
  }
  return pieces;
}

const LEADING_WHITESPACE = /^[\u3000 \t\u00a0]+/;

/** Width in characters of leading whitespace: U+3000 is one character, a space half, a tab two. */
export function indentWidth(ws: string): number {
  let w = 0;
  for (const ch of ws) w += ch === '\u3000' ? 1 : ch === '\t' ? 2 : 0.5;
  return w;
}

function dominantLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  if (lf > 0) return '\n';
  return '\r\n';
}

/** Splits text into paragraphs; returns the layout needed to write it back. */
export function plainTextToDocument(text: string): { doc: WgDocument; layout: TextLayout } {
  const lineEnding = dominantLineEnding(text);
  const lines = text.split(/\r\n|\r|\n/);
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  const seen = new Map<string, Map<string, number>>();
  const blocks: Block[] = [];
  let longLines = 0;
  for (const line of lines) {
    let lead = LEADING_WHITESPACE.exec(line)?.[0] ?? '';
    // Wider than any indent (a layout made of spaces): kept as text, written back as it was.
    if (lead && indentWidth(lead) > MAX_INDENT_CHARS) lead = '';
    const [body = '', ...rest] = splitLongLine(line.slice(lead.length));
    const p: Paragraph = { type: 'paragraph', runs: body ? [{ text: body }] : [] };
    if (lead) {
      const width = indentWidth(lead);
      p.indent = { firstLineChars: width };
      const key = String(width);
      const counts = seen.get(key) ?? new Map<string, number>();
      counts.set(lead, (counts.get(lead) ?? 0) + 1);
      seen.set(key, counts);
    }
    blocks.push(p);
    if (rest.length > 0) longLines++;
    // The rest of a long line: its text as it is (leading spaces included), joined back on writing.
    for (const piece of rest) blocks.push({ type: 'paragraph', runs: [{ text: piece }], continuesLine: true });
  }
  const indents: Record<string, string> = {};
  for (const [key, counts] of seen) indents[key] = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return { doc: { meta: {}, blocks }, layout: { lineEnding, finalNewline, indents, ...(longLines > 0 ? { longLines } : {}) } };
}

/** The layout for a document that did not come from a text file. */
export function defaultTextLayout(lineEnding: LineEnding): TextLayout {
  return { lineEnding, finalNewline: true, indents: {} };
}

function indentText(chars: number | undefined, layout: TextLayout): string {
  if (!chars || chars <= 0) return '';
  const known = layout.indents[String(chars)];
  if (known !== undefined) return known;
  const whole = Math.floor(chars);
  return '\u3000'.repeat(whole) + (chars - whole >= 0.5 ? ' ' : '');
}

function lineOf(p: Paragraph, layout: TextLayout): string {
  return indentText(p.indent?.firstLineChars, layout) + paragraphText(p).replace(/\n/g, layout.lineEnding);
}

/**
 * The document as plain text: paragraphs are lines (a paragraph that continues a long line of
 * the source is joined to the one before it), table rows are lines of tab-separated cells
 * (a tab or line break inside a cell becomes a space, so rows and cells stay apart). Used for
 * saving a .txt and for the plain-text export.
 */
export function documentToPlainText(doc: WgDocument, layout: TextLayout): string {
  const lines: string[] = [];
  let afterParagraph = false;
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') {
      if (b.continuesLine && afterParagraph) lines[lines.length - 1] += lineOf(b, layout);
      else lines.push(lineOf(b, layout));
      afterParagraph = true;
      continue;
    }
    afterParagraph = false;
    for (const row of b.rows) lines.push(row.cells.map((c) => c.paragraphs.map(paragraphText).join(' ').replace(/[\t\n]/g, ' ')).join('\t'));
  }
  return lines.join(layout.lineEnding) + (layout.finalNewline && lines.length > 0 ? layout.lineEnding : '');
}

function hasFormatting(r: Run): boolean {
  return Boolean(r.bold || r.italic || r.underline);
}

/** What saving this document as plain text would lose, as phrases for the user. */
export function plainTextLosses(doc: WgDocument): string[] {
  let formatting = false;
  let roles = false;
  let alignment = false;
  let indents = false;
  let tables = false;
  let lineBreaks = false;
  let objects = false;
  let equations = false;
  const visit = (p: Paragraph) => {
    // An equation is written as its text: its layout is what goes.
    if (p.runs.some((r) => r.object && r.object.kind !== 'equation')) objects = true;
    if (p.runs.some((r) => r.object?.kind === 'equation')) equations = true;
    if (p.runs.some(hasFormatting)) formatting = true;
    if (p.role && p.role !== 'body') roles = true;
    if (p.align === 'center' || p.align === 'right') alignment = true;
    if (p.indent?.leftChars || p.indent?.rightChars || (p.indent?.firstLineChars ?? 0) < 0) indents = true;
    if (p.runs.some((r) => r.text.includes('\n'))) lineBreaks = true;
  };
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') visit(b);
    else {
      tables = true;
      for (const row of b.rows) for (const c of row.cells) c.paragraphs.forEach(visit);
    }
  }
  const out: string[] = [];
  if (objects) out.push('图片、分页符、脚注编号等对象');
  if (equations) out.push('公式的版式（公式按文字保存）');
  if (formatting) out.push('加粗、倾斜、下划线等文字格式');
  if (roles) out.push('标题、各级标题等段落样式');
  if (alignment) out.push('居中、右对齐等对齐方式');
  if (indents) out.push('左右缩进和悬挂缩进');
  if (tables) out.push('表格（将存为以制表符分隔的文字）');
  if (lineBreaks) out.push('段内换行（将变成分段）');
  return out;
}
