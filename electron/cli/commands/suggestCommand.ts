/**
 * `wengao suggest --corpus DIR… [-k 5] [--json] [--ghost] CONTEXT`, or `--stdin`: one context a
 * line in, one JSON line out — {"context", "suggestions": [{"text", "documents", "source"}]},
 * `text` being the continuation only, best first.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import type { SuggestResult } from '../../../shared/suggest/engine';
import type { SuggestService } from '../../services/suggest/suggestService';
import { CliError } from '../program';
import { collect, displayText, openCorpus } from './corpusCli';

interface Options {
  corpus: string[];
  k: string;
  json?: boolean;
  stdin?: boolean;
  ghost?: boolean;
  cache: boolean;
}

function shape(context: string, r: SuggestResult, ghost: boolean) {
  const list = ghost ? (r.ghost ? [r.ghost] : []) : r.suggestions;
  return { context, suggestions: list.map((s) => ({ text: displayText(s.text), documents: s.documents, source: s.source })) };
}

async function ask(service: SuggestService, context: string, k: number, ghost: boolean): Promise<SuggestResult> {
  return service.suggest({ before: context.slice(-256), mode: ghost ? 'ghost' : 'list', k });
}

export function register(program: Command): void {
  program
    .command('suggest')
    .description('根据素材给出续写提示（CONTEXT 为光标前的文字）')
    .argument('[context]', '光标前的文字')
    .option('--corpus <dir>', '素材文件夹或 wengao index 生成的索引文件（可重复）', collect, [])
    .option('-k <n>', '最多几条提示', '5')
    .option('--json', '以 JSON 输出')
    .option('--ghost', '只输出编辑器会显示为灰色提示的那一条（把握不大时为空）')
    .option('--stdin', '从标准输入逐行读取上下文，每行输出一行 JSON')
    .option('--no-cache', '不使用也不保存索引缓存')
    .action(async (context: string | undefined, opts: Options) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1 || k > 10) throw new CliError(`-k 应为 1 到 10 之间的整数（收到 ${opts.k}）。`);
      if (!opts.stdin && (context === undefined || context === '')) throw new CliError('请给出上下文文字，或使用 --stdin。');
      const { service } = await openCorpus(opts.corpus, { cache: opts.cache });
      try {
        if (opts.stdin) {
          const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
          for await (const line of rl) {
            const r = await ask(service, line, k, Boolean(opts.ghost));
            process.stdout.write(`${JSON.stringify(shape(line, r, Boolean(opts.ghost)))}\n`);
          }
          return;
        }
        const r = await ask(service, context!, k, Boolean(opts.ghost));
        const out = shape(context!, r, Boolean(opts.ghost));
        if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
        else if (out.suggestions.length === 0) process.stdout.write('（没有提示）\n');
        else out.suggestions.forEach((s, i) => process.stdout.write(`${i + 1}. ${s.text}    （${s.documents} 篇，来源：${s.source}）\n`));
      } finally {
        await service.close();
      }
    });
}
