/**
 * readDocx(bytes): a .docx (Transitional or Strict OOXML, from Word, WPS or LibreOffice) into the
 * document model, with what could not be kept listed for the user. Our own reader rather than
 * mammoth: mammoth drops the numbering labels (一、 produced by Word numbering) that 公文 rely on.
 */
import { UserError } from '../../api/errors';
import type { WgDocument } from '../../model/document';
import { containerName, oleContents, sniffContainer } from '../../files/sniff';
import type { StoryMarks } from '../elements/storyMarks';
import { readBody, type BodyCounts } from './body';
import { DEFAULT_PACKAGE_LIMITS, DocxPackage, type PackageLimits } from './package';
import { Numbering } from './numbering';
import { StyleSheet } from './styles';
import { parseXml } from './xml';

export interface DocxReadResult {
  doc: WgDocument;
  /** Sentences for the user after opening (已忽略：2 张图片、1 条批注). */
  notices: string[];
  /** What saving back over the original file would lose, as short phrases. */
  losses: string[];
  /** The package is a template (.dotx): saving should not overwrite it. */
  template: boolean;
  /** Sections and comment anchors recorded while reading, for the 页眉页脚与批注 panel (read/stories.ts). */
  marks: StoryMarks;
}

export interface DocxReadOptions {
  /** The file's name, for messages. */
  name?: string;
  limits?: PackageLimits;
}

/** Why bytes that should be a .docx are not one, as a user-facing error. */
export function notDocxError(bytes: Uint8Array, name: string): UserError | null {
  const kind = sniffContainer(bytes);
  if (kind === 'zip') return null;
  if (kind === 'ole') {
    const contents = oleContents(bytes);
    if (contents === 'encrypted-ooxml') {
      return new UserError('encrypted', `“${name}”设有打开密码（已加密），文稿无法打开。请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档）后另存，再打开。`);
    }
    if (contents === 'word-binary') {
      return new UserError('legacy-doc', `“${name}”是旧版 Word 97-2003 格式（.doc），文稿无法直接打开。请在 Word 或 WPS 中将其“另存为” Word 文档（.docx）后再打开。`);
    }
    return new UserError('not-docx', `“${name}”是 Office 97-2003 格式的文件，但不是 Word 文档，文稿无法打开。`);
  }
  if (kind) return new UserError('not-docx', `“${name}”实际上是${containerName(kind)}，不是 Word 文档（.docx），文稿无法打开。`);
  if (bytes.length === 0) return new UserError('corrupt', `“${name}”是空文件（0 字节），不是有效的 Word 文档。`);
  return new UserError('corrupt', `“${name}”不是有效的 Word 文档（.docx）：文件已损坏，或只是扩展名为 .docx。`);
}

function textOfPart(bytes: Uint8Array | undefined, part: string): { text: boolean; drawings: number } {
  const found = { text: false, drawings: 0 };
  if (!bytes) return found;
  let inText = false;
  parseXml(
    bytes,
    {
      open: (name) => {
        if (name === 'w:t') inText = true;
        else if (name === 'w:drawing' || name === 'w:pict') found.drawings++;
      },
      close: (name) => {
        if (name === 'w:t') inText = false;
      },
      text: (t) => {
        if (inText && t.trim()) found.text = true;
      },
    },
    part,
  );
  return found;
}

function countElements(bytes: Uint8Array | undefined, element: string, part: string): number {
  if (!bytes) return 0;
  let n = 0;
  parseXml(bytes, { open: (name) => void (name === element && n++), close: () => {}, text: () => {} }, part);
  return n;
}

function coreProperties(pkg: DocxPackage): WgDocument['meta'] {
  const rel = pkg.relationships('').find((r) => r.type === 'core-properties');
  const bytes = rel ? pkg.part(rel.target) : undefined;
  const meta: WgDocument['meta'] = {};
  if (!bytes) return meta;
  let field: 'title' | 'author' | null = null;
  parseXml(
    bytes,
    {
      open: (name) => {
        field = name === 'dc:title' ? 'title' : name === 'dc:creator' ? 'author' : null;
      },
      close: () => {
        field = null;
      },
      text: (t) => {
        if (field && t.trim()) meta[field] = ((meta[field] ?? '') + t).slice(0, 1000);
      },
    },
    'docProps/core.xml',
  );
  return meta;
}

function ignoredPhrases(counts: BodyCounts): string[] {
  const out: string[] = [];
  const add = (n: number, phrase: string) => n > 0 && out.push(`${n} ${phrase}`);
  add(counts.images, '张图片');
  add(counts.charts, '个图表');
  add(counts.smartArt, '个 SmartArt 图形');
  add(counts.shapes, '个图形');
  add(counts.objects, '个嵌入对象');
  add(counts.footnotes, '个脚注的内容（正文中显示其编号）');
  add(counts.endnotes, '个尾注的内容（正文中显示其编号）');
  add(counts.hiddenRuns, '处隐藏文字');
  add(counts.symbols, '个特殊符号');
  return out;
}

/** What the 页眉页脚与批注 panel lists (read-only): shown there, not in the text. */
function listedPhrases(counts: BodyCounts, headers: number, footers: number): string[] {
  const out: string[] = [];
  const add = (n: number, phrase: string) => n > 0 && out.push(`${n} ${phrase}`);
  add(headers, '个页眉');
  add(footers, '个页脚');
  add(counts.comments, '条批注');
  return out;
}

export function readDocx(bytes: Uint8Array, options: DocxReadOptions = {}): DocxReadResult {
  const name = options.name ?? '文档';
  const notDocx = notDocxError(bytes, name);
  if (notDocx) throw notDocx;
  const pkg = DocxPackage.open(bytes, options.limits ?? DEFAULT_PACKAGE_LIMITS);
  const main = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  if (!main || !pkg.has(main.target)) {
    if (pkg.entryNames.some((n) => n.startsWith('xl/'))) throw new UserError('not-docx', `“${name}”是 Excel 工作簿，不是 Word 文档。`);
    if (pkg.entryNames.some((n) => n.startsWith('ppt/'))) throw new UserError('not-docx', `“${name}”是 PowerPoint 演示文稿，不是 Word 文档。`);
    throw new UserError('corrupt', `“${name}”不是有效的 Word 文档：找不到文档正文（缺少 _rels/.rels 中的主文档关系）。`);
  }
  const contentType = pkg.contentType(main.target) ?? '';
  if (/spreadsheetml|presentationml/.test(contentType)) throw new UserError('not-docx', `“${name}”不是 Word 文档（${contentType}）。`);
  const rels = pkg.relationships(main.target);
  const partOf = (type: string) => {
    const r = rels.find((x) => x.type === type && !x.external);
    return r ? pkg.part(r.target) : undefined;
  };
  const styles = StyleSheet.parse(partOf('styles'));
  const numbering = Numbering.parse(partOf('numbering'), styles);
  const { blocks, counts, marks } = readBody(pkg.part(main.target)!, styles, numbering);
  if (counts.comments === 0) counts.comments = countElements(partOf('comments'), 'w:comment', 'comments.xml');

  let headers = 0;
  let footers = 0;
  const seen = new Set<string>();
  for (const r of rels) {
    if ((r.type !== 'header' && r.type !== 'footer') || r.external || seen.has(r.target)) continue;
    seen.add(r.target);
    const content = textOfPart(pkg.part(r.target), r.target);
    if (!content.text && content.drawings === 0) continue;
    if (r.type === 'header') headers++;
    else footers++;
  }

  const notices: string[] = [];
  const losses: string[] = [];
  const ignored = ignoredPhrases(counts);
  if (ignored.length > 0) {
    notices.push(`文稿中不显示：${ignored.join('、')}（保存为 .docx 或 .wgd 时原样保留）。`);
    losses.push(...ignored);
  }
  const listed = listedPhrases(counts, headers, footers);
  if (listed.length > 0) {
    notices.push(`${listed.join('、')}列在左侧“页眉页脚与批注”中（只读，保存为 .docx 或 .wgd 时原样保留）。`);
    losses.push(...listed);
  }
  // Shown and kept in a .docx or .wgd; a .txt cannot hold them.
  if (counts.shownPictures > 0) losses.push(`${counts.shownPictures} 张图片`);
  if (counts.shownDrawings > 0) losses.push(`${counts.shownDrawings} 个图表或图形`);
  if (counts.shownEquations > 0) losses.push(`${counts.shownEquations} 个公式（按文字保存）`);
  if (counts.insertions > 0 || counts.deletions > 0) {
    notices.push('文档中的修订按全部接受显示；未修改的段落保存时保留修订记录。');
    losses.push('修订记录');
  }
  if (counts.textBoxes > 0) {
    notices.push(`${counts.textBoxes} 个文本框中的文字已作为正文段落放在其所在段落之后。`);
    losses.push(`${counts.textBoxes} 个文本框的版式`);
  }
  if (counts.nestedTables > 0) {
    notices.push(`${counts.nestedTables} 个嵌套在表格中的表格已转为文字。`);
    losses.push(`${counts.nestedTables} 个嵌套表格`);
  }
  const template = /template/i.test(contentType);
  const doc: WgDocument = { meta: coreProperties(pkg), blocks };
  if (doc.blocks.length === 0) doc.blocks.push({ type: 'paragraph', runs: [] });
  return { doc, notices, losses, template, marks };
}
