/**
 * `wengao export IN -o OUT.docx|.txt|.pdf`: exports a document (any format readDocumentFile
 * reads) as Word (公文 GB/T 9704 or 通用), plain text or PDF, chosen by OUT's extension.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeErr, writeOut } from './output';
import type { WgDocument } from '../../../shared/model/document';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../../shared/model/parts';
import { EXPORT_FONT_SLOTS, isValidFontName, type ExportFonts } from '../../../shared/export/fonts';
import { DEFAULT_EXPORT_SETTINGS, EXPORT_TEMPLATES, EXPORT_TEXT_ENCODINGS, type ExportTemplate, type TextEncodingName } from '../../../shared/export/settings';
import { documentRunner, openDocumentFile } from '../../services/documents/runner';
import type { ExportOptions } from '../../services/exportFiles';
import { exportFormatOfPath } from '../../services/exportFormats';
import type { PdfEngine } from '../../services/pdfRenderers';
import { CliError } from '../program';

interface ExportCliOptions {
  output: string;
  template: ExportTemplate;
  encoding: TextEncodingName;
  lf?: boolean;
  author?: string;
  normalizeDates?: boolean;
  heading3Bold: boolean;
  font: string[];
  pdfEngine: PdfEngine | 'auto';
  format?: DocumentFormat;
  json?: boolean;
}

function parseFonts(specs: string[]): ExportFonts {
  const fonts: ExportFonts = { ...DEFAULT_EXPORT_SETTINGS.fonts };
  for (const spec of specs) {
    const m = /^([a-zA-Z0-9]+)=(.+)$/.exec(spec);
    const slot = m?.[1] as keyof ExportFonts | undefined;
    if (!m || !slot || !(EXPORT_FONT_SLOTS as readonly string[]).includes(slot)) {
      throw new CliError(`--font 的格式应为 位置=字体名，位置可为 ${EXPORT_FONT_SLOTS.join('、')}：“${spec}”`);
    }
    if (!isValidFontName(m[2]!)) throw new CliError(`无效的字体名称：“${m[2]}”`);
    fonts[slot] = m[2]!;
  }
  return fonts;
}

/** PDF bytes in the 公文 layout from a renderer installed on this machine (see services/pdfRenderers.ts). */
export async function exportPdfBytes(doc: WgDocument, options: ExportOptions, engine: PdfEngine | 'auto'): Promise<{ bytes: Uint8Array; engine: PdfEngine }> {
  // Loaded for PDF only: a .docx or .txt export runs in the document worker and needs none of it here.
  const { choosePdfEngine, pdfFromDocx, pdfFromHtml } = await import('../../services/pdfRenderers');
  const chosen = choosePdfEngine(engine);
  if (chosen.engine === 'chromium') {
    const [{ layoutDocument }, { printHtmlDocument }] = await Promise.all([import('../../../shared/export/layout'), import('../../../shared/export/printView')]);
    const layout = layoutDocument(doc.blocks, { ...options, template: 'gbt9704', ...(options.documentFormat ? { format: options.documentFormat } : {}) });
    return { bytes: await pdfFromHtml(chosen.program, printHtmlDocument(layout, options.fonts)), engine: 'chromium' };
  }
  const { writeDocx } = await import('../../../shared/docx/write/writeDocx');
  const docx = await writeDocx(doc, { ...options, template: 'gbt9704', ...(options.documentFormat ? { format: options.documentFormat } : {}) });
  const [pdf] = await pdfFromDocx(chosen.program, [docx]);
  return { bytes: pdf!, engine: 'libreoffice' };
}

export function register(program: Command): void {
  program
    .command('export')
    .description('导出文稿：按输出文件的扩展名导出为 Word（.docx，公文格式或通用格式）、纯文本（.txt）或 PDF（.pdf）')
    .argument('<input>', '要导出的文稿（.txt、.docx、.wgd）')
    .requiredOption('-o, --output <file>', '输出文件（.docx、.txt 或 .pdf）')
    .addOption(new Option('-t, --template <name>', 'Word 模板：gbt9704（党政机关公文格式 GB/T 9704-2012）或 plain（通用）；PDF 总是公文格式').choices(EXPORT_TEMPLATES).default('gbt9704'))
    .addOption(new Option('--encoding <name>', '纯文本的编码').choices(EXPORT_TEXT_ENCODINGS).default('utf-8'))
    .option('--lf', '纯文本使用 LF 换行（默认 CRLF，Windows 记事本的换行）')
    .option('--author <name>', '写入 Word 文件属性的作者')
    .option('--normalize-dates', '把成文日期规范为“2024年3月5日”的写法')
    .option('--no-heading3-bold', '三级标题（1.）不加粗')
    .option('--font <slot=name>', `替换字体，可重复；位置：${EXPORT_FONT_SLOTS.join('、')}（例如 --font body=仿宋）`, (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addOption(new Option('--format <name>', '公文的格式（GB/T 9704 第10章）：document（文件格式）、letter（信函格式）、order（命令格式）、minutes（纪要格式）；默认按发文机关标志判断').choices(DOCUMENT_FORMATS))
    .addOption(new Option('--pdf-engine <name>', 'PDF 用什么生成：auto（先找 Edge/Chrome/Chromium，再找 LibreOffice）').choices(['auto', 'chromium', 'libreoffice']).default('auto'))
    .option('--json', '以 JSON 输出结果')
    .action(async (input: string, opts: ExportCliOptions, cmd: Command) => {
      const out = path.resolve(opts.output);
      const format = exportFormatOfPath(out);
      if (!format) throw new CliError(`无法从扩展名判断导出格式：“${opts.output}”（应为 .docx、.txt 或 .pdf）`);
      const options: ExportOptions = {
        template: opts.template,
        fonts: parseFonts(opts.font),
        author: opts.author ?? '',
        heading3Bold: opts.heading3Bold,
        normalizeDates: Boolean(opts.normalizeDates),
        textEncoding: opts.encoding,
        textCrlf: !opts.lf,
        documentFormat: opts.format,
      };
      let opened: { path: string; notices: string[] };
      let bytes: number;
      let engine: PdfEngine | undefined;
      if (format === 'pdf') {
        const read = await openDocumentFile(path.resolve(input));
        const pdf = await exportPdfBytes(read.doc, options, opts.pdfEngine);
        const { writeFileAtomic } = await import('../../services/atomicWrite');
        await writeFileAtomic(out, pdf.bytes);
        opened = read;
        bytes = pdf.bytes.length;
        engine = pdf.engine;
      } else {
        // Read and written in the worker in one job: the document never crosses to this thread.
        const done = await documentRunner().run('exportFile', { input: path.resolve(input), file: out, format, options }, { label: `导出“${path.basename(out)}”` });
        opened = done;
        bytes = done.bytes;
      }
      for (const n of opened.notices) writeErr(cmd, `注意：${n}\n`);
      const result = { input: opened.path, output: out, format, ...(format === 'docx' ? { template: opts.template } : {}), ...(opts.format ? { documentFormat: opts.format } : {}), ...(format === 'txt' ? { encoding: opts.encoding, lineEnding: opts.lf ? 'LF' : 'CRLF' } : {}), ...(engine ? { pdfEngine: engine } : {}), bytes };
      writeOut(cmd, opts.json ? `${JSON.stringify(result)}\n` : `已导出：${out}（${bytes} 字节）\n`);
    });
}
