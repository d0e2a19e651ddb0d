/**
 * `wengao proofread FILE [--json]`: the 校对 findings of a document (提法, 错别字, 词语, 重复, 标点,
 * 数字, 公文要素, 占位符, 序号). `line` is the 1-based line of a .txt (the paragraph number of a
 * .docx/.wgd); `start`/`end` are 0-based character offsets in that line. Exit code 1 when a
 * finding rests on a binding rule (规定).
 */
import type { Command } from 'commander';
import { BUILTIN_TIFA, CATEGORY_LABELS, Proofreader, mergeTifa, proofreadDocument, type DocFinding } from '../../../shared/proofread';
import { readUserTifa } from '../../services/proofreadData';
import { readDocumentFile } from '../../services/documentFiles';
import { CliError } from '../program';
import { writeOut } from './output';

export interface ProofreadLine {
  line: number;
  start: number;
  end: number;
  text: string;
  suggestion: string | null;
  category: string;
  authority: string;
  message: string;
}

export async function proofreadFile(file: string, tifaFile?: string): Promise<ProofreadLine[]> {
  const proofreader = new Proofreader();
  if (tifaFile) {
    const user = await readUserTifa(tifaFile);
    if (!user.data) throw new CliError(user.error ?? `找不到提法文件“${tifaFile}”`);
    proofreader.setTifa(mergeTifa(BUILTIN_TIFA, user.data));
  }
  const opened = await readDocumentFile(file);
  const findings = proofreadDocument(opened.doc, proofreader);
  // A .txt line's leading spaces became its paragraph's indent: offsets count them again.
  const source = opened.source as { format: string; text?: { indents?: Record<string, string> } };
  const indents = source.format === 'txt' ? (source.text?.indents ?? {}) : null;
  const leads = indents
    ? opened.doc.blocks.map((b) => {
        const chars = b.type === 'paragraph' ? b.indent?.firstLineChars : undefined;
        return chars ? (indents[String(chars)]?.length ?? 0) : 0;
      })
    : [];
  return findings.map((f: DocFinding) => {
    const shift = leads[f.block] ?? 0;
    return {
      line: f.block + 1,
      start: f.start + shift,
      end: f.end + shift,
      text: f.text,
      suggestion: f.suggestion,
      category: CATEGORY_LABELS[f.category],
      authority: f.authority,
      message: f.message,
    };
  });
}

export function register(program: Command): void {
  program
    .command('proofread')
    .description('校对：提法、错别字、成语、词语规范、重复、标点、数字、公文要素、占位符和标题序号')
    .argument('<file>', '.txt、.docx 或 .wgd 文件')
    .option('--json', '以 JSON 输出')
    .option('--tifa <file>', '增补的提法文件（格式同内置 tifa.json）')
    .action(async (file: string, opts: { json?: boolean; tifa?: string }, command: Command) => {
      const findings = await proofreadFile(file, opts.tifa);
      if (opts.json) writeOut(command, `${JSON.stringify({ findings }, null, 2)}\n`);
      else if (findings.length === 0) writeOut(command, '未发现问题。\n');
      else {
        const lines = findings.map((f) => `${file}:${f.line}:${f.start + 1}: ${f.category}（${f.authority}）“${f.text}”：${f.message}${f.suggestion !== null ? `（建议改为“${f.suggestion}”）` : ''}`);
        writeOut(command, `${lines.join('\n')}\n`);
      }
      const binding = findings.filter((f) => f.authority === '规定').length;
      if (binding > 0) throw new CliError(`发现 ${binding} 处违反规定的问题。`);
    });
}
