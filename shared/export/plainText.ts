/**
 * Plain-text export: one line per paragraph (a soft line break starts a new line too), table
 * cells separated by tabs and rows by lines, a first-line indent written as full-width spaces
 * (how Chinese plain text marks a paragraph; our reader turns them back into the indent).
 * Encoding (UTF-8 / GB18030) happens in electron/services, where iconv-lite lives.
 */
import { paragraphText, type Paragraph, type WgDocument } from '../model/document';

export interface PlainTextOptions {
  /** Windows line endings (CRLF), as Notepad on older Windows needs. */
  crlf: boolean;
}

function paragraphLine(p: Paragraph): string {
  const indent = Math.max(0, Math.round(p.indent?.firstLineChars ?? 0));
  const text = paragraphText(p);
  return text === '' ? '' : '\u3000'.repeat(indent) + text;
}

export function documentToPlainText(doc: WgDocument, options: PlainTextOptions): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') lines.push(paragraphLine(b));
    else for (const row of b.rows) lines.push(row.cells.map((c) => c.paragraphs.map(paragraphText).join(' ').replace(/[\t\n]/g, ' ')).join('\t'));
  }
  const eol = options.crlf ? '\r\n' : '\n';
  return lines.join('\n').replace(/\r\n|\r|\n/g, eol) + eol;
}
