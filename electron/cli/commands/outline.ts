/**
 * `wengao outline FILE [--json]`: the document's headings, one line each — source line, level
 * (0 = 标题), number and title — as the sidebar shows them.
 */
import type { Command } from 'commander';
import { outlineOfDocument } from '../../../shared/outline/outline';
import { openDocumentFile } from '../../services/documents/runner';
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

export async function outlineOfFile(file: string): Promise<{ headings: OutlineLine[]; suggestions: Array<{ line: number; level: number; title: string }> }> {
  const { doc } = await openDocumentFile(file);
  const { outline } = outlineOfDocument(doc);
  return {
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
    .description('列出文稿的结构（标题与 一、（一）1.（1） 各级标题）：行号、级别、编号、标题')
    .argument('<file>', '.txt、.docx 或 .wgd 文件')
    .option('--json', '以 JSON 输出（含各节字数和建议设为标题的段落）')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const result = await outlineOfFile(file);
      if (opts.json) {
        writeOut(command, `${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = result.headings.map((h) => `${h.line}\t${h.level}\t${'　'.repeat(Math.max(0, h.level - 1))}${h.number}${h.title}`);
      for (const s of result.suggestions) lines.push(`${s.line}\t建议${s.level}\t${'　'.repeat(s.level - 1)}${s.title}`);
      if (result.headings.length === 0 && result.suggestions.length === 0) lines.push('（未找到标题）');
      writeOut(command, `${lines.join('\n')}\n`);
    });
}
