/**
 * Export of a document to .docx (公文 GB/T 9704 or 通用), .txt (UTF-8 / GB18030, CRLF or LF) and,
 * through an installed renderer, .pdf. Shell-independent: the app, the web harness and the CLI
 * all export through here. Files are written atomically (the target is never left half-written).
 */
import type { DocumentFormat } from '../../shared/model/parts';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { UserError } from '../../shared/api/errors';
import type { WgDocument } from '../../shared/model/document';
import { writeDocx } from '../../shared/docx/write/writeDocx';
import { defaultTextLayout, documentToPlainText } from '../../shared/text/plainText';
import type { ExportSettings, ExportTemplate } from '../../shared/settings';
import { writeFileAtomic } from './atomicWrite';
import { encodeText } from './textEncoding';
import { EXPORT_EXTENSIONS, exportFormatOfPath, type ExportFormat } from './exportFormats';

export { EXPORT_EXTENSIONS, exportFormatOfPath, type ExportFormat } from './exportFormats';


export type ExportOptions = Pick<ExportSettings, 'fonts' | 'author' | 'heading3Bold' | 'normalizeDates' | 'textEncoding' | 'textCrlf'> & {
  template: ExportTemplate;
  /** The 公文's format (§10), overriding the one the document's 标志 names. */
  documentFormat?: DocumentFormat | undefined;
};

/** The bytes of an export (.docx or .txt). */
export async function renderExport(doc: WgDocument, format: 'docx' | 'txt', options: ExportOptions): Promise<Uint8Array> {
  // UTF-8 and GB18030 encode every Unicode character: nothing is lost.
  if (format === 'txt') return encodeText(documentToPlainText(doc, defaultTextLayout(options.textCrlf ? '\r\n' : '\n')), options.textEncoding, false).bytes;
  return writeDocx(doc, {
    template: options.template,
    fonts: options.fonts,
    author: options.author,
    heading3Bold: options.heading3Bold,
    normalizeDates: options.normalizeDates,
    ...(options.documentFormat ? { format: options.documentFormat } : {}),
  }, nativeDeflateRaw);
}

/** Deflate for the .docx parts: the platform's zlib (native), several times faster than fflate's. */
export const nativeDeflateRaw = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: 6 });

/** Checks that a target's extension fits the format, so "报告.txt" never receives Word bytes. */
export function checkExportTarget(file: string, format: ExportFormat): void {
  if (!path.isAbsolute(file)) throw new UserError('bad-path', `导出位置必须是完整路径：“${file}”。`);
  const actual = exportFormatOfPath(file);
  if (actual !== format) {
    throw new UserError('bad-extension', `导出为 ${format.toUpperCase()} 时文件名应以 ${EXPORT_EXTENSIONS[format]} 结尾：“${path.basename(file)}”。`);
  }
}

/** Exports to a file; returns its size in bytes. */
export async function exportDocumentFile(doc: WgDocument, file: string, format: 'docx' | 'txt', options: ExportOptions): Promise<number> {
  checkExportTarget(file, format);
  const bytes = await renderExport(doc, format, options);
  await writeFileAtomic(file, bytes);
  return bytes.length;
}
