/**
 * `wengao outline FILE [--json]`: the document's headings, one line each — source line, level
 * (0 = 标题), number and title — as the sidebar shows them; then the document's parts (版头,
 * front matter, 主送, 附件, 署名, 日期, 版记: what the outline does not show) as the anatomy finds
 * them, one a line: source line, part, text. `--json` lists every paragraph's part.
 */
import type { Command } from 'commander';
import { analyzeAnatomy } from '../../../shared/anatomy/anatomy';
import { blockText } from '../../../shared/model/document';
import { PART_LABELS, type DocumentFormat, type DocumentPart } from '../../../shared/model/parts';
import { readDocumentFile } from '../../services/documentFiles';
import { writeOut } from './output';

export interface OutlineLine {
  /** The line of a .txt file (the paragraph's number in a .docx or .wgd), 1-based. */
  line: number;
  /** 0 for the document title, 1–4 for headings. */
  level: number;
  number: string;
  title: string;
  /** 字数 of the section the heading opens. */
  words: number;
  /** The heading runs into body text in the same paragraph. */
  runIn: boolean;
  /** The level comes from the numbering, not from a paragraph style. */
  inferred: boolean;
}

export interface PartLine {
  line: number;
  part: DocumentPart;
  text: string;
  /** Found from content and place (false: the paragraph's role says so). */
  inferred: boolean;
}

export interface FileOutline {
  headings: OutlineLine[];
  suggestions: Array<{ line: number; level: number; title: string }>;
  /** 文件格式 or the special format (letter 信函, order 命令, minutes 纪要) the 标志 names. */
  format: DocumentFormat;
  /** Every paragraph's part (tables: body), in document order. */
  parts: PartLine[];
}

const FORMAT_LABELS: Record<DocumentFormat, string> = { document: '文件格式', letter: '信函格式', order: '命令格式', minutes: '纪要格式' };
/** Parts the text output leaves to the outline above them (titles, headings) or leaves out (body text). */
const QUIET_PARTS = new Set<DocumentPart>(['body', 'heading1', 'heading2', 'heading3', 'heading4', 'title', 'attachment-title']);
const MAX_PART_TEXT = 60;

export async function outlineOfFile(file: string): Promise<FileOutline> {
  const { doc } = await readDocumentFile(file);
  const anatomy = analyzeAnatomy(doc.blocks);
  const { outline } = anatomy;
  return {
    format: anatomy.format,
    parts: anatomy.parts.map((part, i) => ({ line: i + 1, part, text: blockText(doc.blocks[i]!), inferred: anatomy.inferred[i]! })),
    headings: outline.entries.map((e) => ({
      line: e.block + 1,
      level: e.level,
      number: e.number,
      title: e.title,
      words: e.words,
      runIn: e.heading?.runIn ?? false,
      inferred: e.heading ? e.heading.inferred : e.level === 0 && doc.blocks[e.block]?.type === 'paragraph' && (doc.blocks[e.block] as { role?: string }).role !== 'title',
    })),
    suggestions: outline.suggestions.map((s) => ({ line: s.block + 1, level: s.level, title: s.title })),
  };
}

export function register(program: Command): void {
  program
    .command('outline')
    .description('列出文稿的结构（标题与 一、（一）1.（1） 各级标题）：行号、级别、编号、标题；再列出版头、主送、附件、署名、日期、版记等各部分')
    .argument('<file>', '.txt、.docx 或 .wgd 文件')
    .option('--json', '以 JSON 输出（含各节字数、建议设为标题的段落和每段所属部分 parts）')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const result = await outlineOfFile(file);
      if (opts.json) {
        writeOut(command, `${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = result.headings.map((h) => `${h.line}\t${h.level}\t${'　'.repeat(Math.max(0, h.level - 1))}${h.number}${h.title}`);
      for (const s of result.suggestions) lines.push(`${s.line}\t建议${s.level}\t${'　'.repeat(s.level - 1)}${s.title}`);
      if (result.headings.length === 0 && result.suggestions.length === 0) lines.push('（未找到标题）');
      // Then the other parts (版头, front matter, 主送, 附件, 署名, 日期, 版记), and a special format.
      const parts = result.parts.filter((p) => !QUIET_PARTS.has(p.part) && p.text.trim() !== '');
      if (parts.length > 0 || result.format !== 'document') lines.push('');
      if (result.format !== 'document') lines.push(`格式：${FORMAT_LABELS[result.format]}`);
      for (const p of parts) {
        const t = p.text.trim();
        lines.push(`${p.line}\t${PART_LABELS[p.part]}\t${t.length > MAX_PART_TEXT ? `${t.slice(0, MAX_PART_TEXT)}…` : t}`);
      }
      writeOut(command, `${lines.join('\n')}\n`);
    });
}
