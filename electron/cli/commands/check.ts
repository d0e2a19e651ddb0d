/**
 * `wengao check FILE [--json]`: the numbering problems of a document (skipped or repeated
 * numbers, "1、", half-width "(一)", punctuation after "（一）", level jumps, run-in "一、"
 * headings…), one per line as `FILE:LINE: 错误|提示：message（fix）`. Exit code 1 when there are
 * errors (提示 alone do not fail).
 */
import type { Command } from 'commander';
import { checkOutline } from '../../../shared/outline/check';
import { outlineOfDocument } from '../../../shared/outline/outline';
import { openDocumentFile } from '../../services/documents/runner';
import { CliError } from '../program';
import { writeOut } from './output';

export interface CheckLine {
  line: number;
  kind: string;
  severity: 'error' | 'warning';
  message: string;
  /** What the sidebar's fix does ('' when there is none). */
  fix: string;
}

export async function checkFile(file: string): Promise<CheckLine[]> {
  const { doc } = await openDocumentFile(file);
  const { outline } = outlineOfDocument(doc);
  return checkOutline(outline).map((p) => ({ line: p.block + 1, kind: p.kind, severity: p.severity, message: p.message, fix: p.fixLabel }));
}

export function register(program: Command): void {
  program
    .command('check')
    .description('检查标题编号：跳号、重号、“1、”应为“1.”、半角括号、“（一）”后加标点、层级跳跃、一级标题后接正文等')
    .argument('<file>', '.txt、.docx 或 .wgd 文件')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const problems = await checkFile(file);
      if (opts.json) writeOut(command, `${JSON.stringify(problems, null, 2)}\n`);
      else if (problems.length === 0) writeOut(command, '未发现编号问题。\n');
      else {
        const lines = problems.map((p) => `${file}:${p.line}: ${p.severity === 'error' ? '错误' : '提示'}：${p.message}${p.fix ? `（可${p.fix}）` : ''}`);
        writeOut(command, `${lines.join('\n')}\n`);
      }
      const errors = problems.filter((p) => p.severity === 'error').length;
      if (errors > 0) throw new CliError(`发现 ${errors} 处编号错误。`);
    });
}
