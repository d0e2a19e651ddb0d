/**
 * Wengao's own file format, .wgd: UTF-8 JSON of the document model with a format marker and a
 * version. Lossless for everything the editor can express. Versioning rules: a file states the
 * version it was written with; a reader accepts every version up to its own and migrates older
 * ones; a file from a newer version is read as far as it matches this version's model (unknown
 * fields are dropped, with a notice) rather than refused.
 */
import { UserError } from '../api/errors';
import type { Block, WgDocument } from './document';
import { BlockSchema, DocumentSchema, MAX_DOCUMENT_PARTS, ParagraphSchema } from './schema';

export const WGD_FORMAT = 'wengao-document';
/**
 * 2: runs carry size, fonts, colour, highlight, strike and super/subscript; blocks read from a
 * .docx carry their source, and the source package is kept in the file (`source.docx`, base64),
 * so a .docx saved as .wgd and back loses nothing.
 * 3: an inline object may be an equation (kind 'equation', its linear text as label and run text).
 * Version 1 and 2 files are read unchanged.
 */
export const WGD_VERSION = 3;

/** Largest source package kept in a .wgd (base64 characters): the .docx open limit, encoded. */
const MAX_SOURCE_BASE64 = Math.ceil((100 * 1024 * 1024) / 3) * 4;

export interface WgdAttachments {
  /** The .docx the document was read from, base64: saving as .docx again writes it back faithfully. */
  docxBase64?: string;
}

/**
 * The file's text: one block a line (compact, so the .wgd of the largest document the readers
 * accept stays far below what the reader opens), then the source package if there is one. Keys
 * are written in the schema's order, so equal documents give equal bytes.
 */
export function serializeWgd(doc: WgDocument, attachments: WgdAttachments = {}): string {
  const { meta, blocks } = DocumentSchema.parse(doc);
  const head = JSON.stringify({ format: WGD_FORMAT, version: WGD_VERSION, document: { meta, blocks: [] } }).slice(0, -'[]}}'.length);
  const source = attachments.docxBase64 ? `,\n"source":${JSON.stringify({ docx: attachments.docxBase64 })}` : '';
  return `${head}[\n${blocks.map((b) => JSON.stringify(b)).join(',\n')}\n]}${source}}\n`;
}

export interface ParsedWgd extends WgdAttachments {
  doc: WgDocument;
  notices: string[];
  /** What saving over the file would drop (content only a newer version understands). */
  losses: string[];
}

const corrupt = (name: string, detail: string) => new UserError('corrupt', `“${name}”不是有效的文稿文档（.wgd）：${detail}。文件可能已损坏。`);

export function parseWgd(text: string, name: string): ParsedWgd {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw corrupt(name, '内容不是完整的 JSON');
  }
  if (!json || typeof json !== 'object') throw corrupt(name, '缺少文档内容');
  const { format, version, document, source } = json as { format?: unknown; version?: unknown; document?: unknown; source?: unknown };
  if (format !== undefined && format !== WGD_FORMAT) throw corrupt(name, '文件格式标记不符');
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) throw corrupt(name, '版本号无效');
  if (typeof version === 'number' && version > WGD_VERSION) return readNewer(document, name, version);
  const parsed = DocumentSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corrupt(name, `文档结构有误（${issue ? issue.path.join('.') : ''}）`);
  }
  const docx = (source as { docx?: unknown } | undefined)?.docx;
  const attached = typeof docx === 'string' && docx.length <= MAX_SOURCE_BASE64 && /^[A-Za-z0-9+/]*={0,2}$/.test(docx.slice(-8)) ? { docxBase64: docx } : {};
  return { doc: parsed.data, notices: [], losses: [], ...attached };
}

/**
 * A file from a newer version: every block this version understands, a paragraph with a role
 * or alignment it does not know as plain text, anything else left out, and said so.
 */
function readNewer(document: unknown, name: string, version: number): ParsedWgd {
  const raw = (document && typeof document === 'object' ? document : {}) as { meta?: unknown; blocks?: unknown };
  if (!Array.isArray(raw.blocks) || raw.blocks.length > MAX_DOCUMENT_PARTS) throw corrupt(name, '缺少文档内容');
  const blocks: Block[] = [];
  let skipped = 0;
  for (const b of raw.blocks as unknown[]) {
    const parsed = BlockSchema.safeParse(b);
    if (parsed.success) {
      blocks.push(parsed.data);
      continue;
    }
    skipped++;
    if (b && typeof b === 'object' && (b as { type?: unknown }).type === 'paragraph') {
      const { role: _role, align: _align, ...rest } = b as Record<string, unknown>;
      const plain = ParagraphSchema.safeParse(rest);
      if (plain.success) blocks.push(plain.data);
    }
  }
  const meta = DocumentSchema.shape.meta.safeParse(raw.meta);
  const notices = [
    `“${name}”由更新版本的文稿保存（格式版本 ${version}）。本版本不认识的内容${skipped > 0 ? `（${skipped} 个段落或表格）` : ''}未能显示或已按正文显示；保存到原文件前会先询问。`,
  ];
  return { doc: { meta: meta.success ? meta.data : {}, blocks }, notices, losses: [`更新版本的文稿写入的内容（格式版本 ${version}）`] };
}
