/**
 * `wengao convert IN -o OUT`: converts between .txt, .docx and .wgd, by extension. Reads with the
 * app's own reader (readDocumentFile) and writes with its own atomic save, so a conversion gives
 * exactly what opening and saving in the app would. What the target cannot keep is reported.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { writeErr, writeOut } from './output';
import type { DocumentSource, SaveAccept } from '../../../shared/api/contract';
import { TEXT_ENCODINGS, type TextEncoding } from '../../../shared/text/decode';
import { documentRunner, openDocumentFile } from '../../services/documents/runner';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/settings';
import { CliError } from '../program';

interface ConvertOptions {
  output: string;
  encoding?: string;
  toEncoding?: string;
  json?: boolean;
}

interface CliOutput {
  stdout(s: string): void;
  stderr(s: string): void;
}

function encodingOption(value: string | undefined, flag: string): TextEncoding | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/^gbk$|^gb2312$/, 'gb18030').replace(/^utf8$/, 'utf-8');
  if (!(TEXT_ENCODINGS as readonly string[]).includes(v)) throw new CliError(`${flag} 只能是 ${TEXT_ENCODINGS.join('、')}（收到“${value}”）`);
  return v as TextEncoding;
}

export async function convertFile(input: string, opts: ConvertOptions, wordSettings: ExportSettings | null, io: CliOutput): Promise<void> {
  const inFile = path.resolve(input);
  const outFile = path.resolve(opts.output);
  if (inFile === outFile) throw new CliError('输出文件不能与输入文件相同');
  const opened = await openDocumentFile(inFile, { encoding: encodingOption(opts.encoding, '--encoding') });
  const toEncoding = encodingOption(opts.toEncoding, '--to-encoding');
  // The output is a new file: nothing to compare with, nothing the importer's losses would overwrite.
  const source: DocumentSource = { ...opened.source, path: null, stamp: null, losses: [] };
  if (toEncoding) {
    const lineEnding = process.platform === 'win32' ? '\r\n' : '\n';
    source.text = { ...(source.text ?? { bom: false, lineEnding, finalNewline: true, indents: {} }), encoding: toEncoding };
  }
  const warnings = [...opened.notices];
  const accept: SaveAccept = { replaceExisting: true, openElsewhere: true };
  for (;;) {
    const request = { path: outFile, doc: opened.doc, source, accept };
    const outcome = await documentRunner().run('save', { request, wordSettings }, { label: `保存“${path.basename(outFile)}”` });
    if (outcome.status === 'saved') {
      if (opts.json) {
        io.stdout(`${JSON.stringify({ input: inFile, output: outFile, from: opened.format, to: outcome.source.format, encoding: outcome.source.text?.encoding ?? null, notices: warnings })}\n`);
      } else {
        for (const w of warnings) io.stderr(`注意：${w}\n`);
        io.stdout(`${outFile}\n`);
      }
      return;
    }
    if (outcome.status === 'loss') {
      warnings.push(`${path.extname(outFile)} 文件不能保存：${outcome.losses.join('、')}。`);
      accept.loss = true;
    } else if (outcome.status === 'unencodable') {
      warnings.push(`“${outcome.characters}”等字符无法用 ${outcome.encoding} 编码，已改用 UTF-8 保存。`);
      accept.encodingFallback = true;
    } else {
      throw new CliError(`未能写入 ${outFile}（${outcome.status}）`);
    }
  }
}

export function register(program: Command): void {
  program
    .command('convert')
    .description('在 .txt、.docx、.wgd 之间转换文稿（按扩展名判断格式）')
    .argument('<input>', '输入文件（.txt、.docx 或 .wgd）')
    .requiredOption('-o, --output <file>', '输出文件（.txt、.docx 或 .wgd）')
    .option('--encoding <name>', `按此编码读取输入的 .txt（${TEXT_ENCODINGS.join('、')}；默认自动识别）`)
    .option('--to-encoding <name>', '输出 .txt 的编码（默认与输入相同；输入不是 .txt 时为 UTF-8）')
    .option('--json', '以 JSON 输出结果')
    .action(async (input: string, opts: ConvertOptions, cmd: Command) => {
      // The CLI has no settings file: the default export settings (fonts, no author).
      await convertFile(input, opts, DEFAULT_EXPORT_SETTINGS, { stdout: (s) => writeOut(cmd, s), stderr: (s) => writeErr(cmd, s) });
    });
}
