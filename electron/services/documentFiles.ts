/**
 * Reading a document file from disk into the document model: the one entry point the app,
 * the CLI and the corpus indexer use. Dispatches on the file extension.
 *
 * This first version reads plain text (UTF-8, else GB18030) and Wengao's .wgd; the files work
 * extends it with full encoding detection, .docx, size caps and clear messages for bad input.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/contract';
import type { Paragraph, WgDocument } from '../../shared/model/document';

export type DocumentFormat = 'txt' | 'docx' | 'wgd';

export interface OpenedDocument {
  path: string;
  format: DocumentFormat;
  doc: WgDocument;
  /** Things the importer could not keep, as sentences for the user (已忽略：2 张图片). */
  notices: string[];
}

export function formatOfPath(file: string): DocumentFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return 'txt';
  if (ext === '.docx') return 'docx';
  if (ext === '.wgd') return 'wgd';
  return null;
}

function decodePlain(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function paragraphsOfText(text: string): Paragraph[] {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const lead = /^[\u3000 \t]+/.exec(line)?.[0] ?? '';
    const body = line.slice(lead.length);
    const p: Paragraph = { type: 'paragraph', runs: body ? [{ text: body }] : [] };
    if (lead) p.indent = { firstLineChars: 2 };
    return p;
  });
}

export async function readDocumentFile(file: string): Promise<OpenedDocument> {
  const format = formatOfPath(file);
  if (!format) throw new UserError('unsupported-type', `不支持打开“${path.basename(file)}”：只能打开 .txt、.docx 和 .wgd 文件。`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('not-found', `找不到文件“${file}”。`);
    throw new UserError('io', `无法读取“${path.basename(file)}”（${code ?? '未知错误'}）。`);
  }
  if (format === 'txt') {
    return { path: file, format, doc: { meta: {}, blocks: paragraphsOfText(decodePlain(bytes)) }, notices: [] };
  }
  if (format === 'wgd') {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { document: WgDocument };
    return { path: file, format, doc: json.document, notices: [] };
  }
  throw new UserError('unsupported-type', `暂时无法打开 .docx 文件“${path.basename(file)}”。`);
}
