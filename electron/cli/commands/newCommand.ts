/**
 * `wengao new TEMPLATE -o FILE`: a new document from a 文种 template (shared/templates): 通知,
 * 请示, 报告, 函, 纪要, 讲话稿, 工作总结, 述职报告, with its parts and ×× fields to fill. Written as
 * saving in the app writes it (.wgd, .docx or .txt by extension, atomically). `--list` lists them.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { writeOut } from './output';
import { DOCUMENT_TEMPLATES, documentFromTemplate, findTemplate } from '../../../shared/templates/templates';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { saveDocumentFile } from '../../services/documentFiles';
import { wordWriter } from '../../services/wordWriter';
import { CliError } from '../program';

interface NewOptions {
  output?: string;
  force?: boolean;
  list?: boolean;
  json?: boolean;
}

const names = () => DOCUMENT_TEMPLATES.map((t) => `${t.id}（${t.name}）`).join('、');

export function register(program: Command): void {
  program
    .command('new')
    .description('按文种模板新建文稿：通知、请示、报告、函、纪要、讲话稿、工作总结、述职报告')
    .argument('[template]', `模板：${DOCUMENT_TEMPLATES.map((t) => t.id).join('、')}，或中文名（如 通知）`)
    .option('-o, --output <file>', '新文稿的文件（.wgd、.docx 或 .txt）')
    .option('--force', '文件已存在时覆盖')
    .option('--list', '列出全部模板')
    .option('--json', '以 JSON 输出结果')
    .action(async (key: string | undefined, opts: NewOptions, cmd: Command) => {
      if (opts.list || !key) {
        if (!opts.list) throw new CliError(`请指定模板：${names()}`);
        const list = DOCUMENT_TEMPLATES.map((t) => ({ id: t.id, name: t.name, hint: t.hint }));
        writeOut(cmd, opts.json ? `${JSON.stringify(list)}\n` : list.map((t) => `${t.id}\t${t.name}\t${t.hint}\n`).join(''));
        return;
      }
      const template = findTemplate(key);
      if (!template) throw new CliError(`没有“${key}”模板；可用的模板：${names()}`);
      if (!opts.output) throw new CliError('请用 -o 指定新文稿的文件名');
      const out = path.resolve(opts.output);
      const outcome = await saveDocumentFile(
        { path: out, doc: documentFromTemplate(template), source: null, accept: { replaceExisting: Boolean(opts.force), openElsewhere: true, loss: true } },
        { writeDocx: wordWriter(() => DEFAULT_EXPORT_SETTINGS) },
      );
      if (outcome.status === 'exists') throw new CliError(`文件已存在：${out}（要覆盖请加 --force）`);
      if (outcome.status !== 'saved') throw new CliError(`未能写入 ${out}（${outcome.status}）`);
      writeOut(cmd, opts.json ? `${JSON.stringify({ template: template.id, name: template.name, output: out })}\n` : `${out}\n`);
    });
}
