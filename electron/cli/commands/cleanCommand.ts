/**
 * `wengao clean FILE [-o OUT] [--json]`: the 清理素材 rules on one document — advertising lines,
 * source attributions, paywall markup, page numbers, mojibake removed — printed as plain text or
 * written to OUT; with --json, what was removed (and the text, unless written to OUT) as one JSON
 * object.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { cleanLines, describeReport } from '../../../shared/corpus/clean';
import { documentLines } from '../../../shared/corpus/prepare';
import { writeFileAtomic } from '../../services/atomicWrite';
import { writeErr, writeOut } from './output';
import { openDocumentFile } from '../../services/documents/runner';

export function register(program: Command): void {
  program
    .command('clean')
    .description('清理素材：删除推广信息、来源标注、网页标记、页码和乱码，输出纯文本')
    .argument('<file>', '.txt / .docx / .wgd 文件')
    .option('-o, --output <file>', '写入文件（UTF-8 文本）而不是标准输出')
    .option('--json', '以 JSON 输出清理结果和统计')
    .action(async (file: string, opts: { output?: string; json?: boolean }, command: Command) => {
      const opened = await openDocumentFile(path.resolve(file));
      const { lines, report } = cleanLines(documentLines(opened.doc));
      const text = `${lines.join('\n')}\n`;
      const output = opts.output ? path.resolve(opts.output) : undefined;
      if (output) await writeFileAtomic(output, text);
      if (opts.json) {
        writeOut(command, `${JSON.stringify({ file: opened.path, ...(output ? { output } : { text }), removed: report })}\n`);
        return;
      }
      if (!output) writeOut(command, text);
      const summary = describeReport(report);
      writeErr(command, summary ? `已清理：${summary}。\n` : '没有发现需要清理的内容。\n');
    });
}
