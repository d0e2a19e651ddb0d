/** `wengao index DIR… [-o FILE]`: builds the phrase index of corpus folders into a file. */
import path from 'node:path';
import type { Command } from 'commander';
import { checkFolder } from '../../services/suggest/corpusFolders';
import { SuggestService } from '../../services/suggest/suggestService';
import { CliError } from '../program';
import { describeStatus } from './corpusCli';

export function register(program: Command): void {
  program
    .command('index')
    .description('为素材文件夹（.txt/.docx/.wgd，含子文件夹）建立提示索引并写入文件')
    .argument('<dir...>', '素材文件夹')
    .option('-o, --output <file>', '索引文件', 'wengao-index.wgi')
    .option('--json', '以 JSON 输出结果')
    .action(async (dirs: string[], opts: { output: string; json?: boolean }) => {
      const folders: string[] = [];
      for (const d of dirs) folders.push(await checkFolder(path.resolve(d)));
      const output = path.resolve(opts.output);
      const started = Date.now();
      let lastPhase = '';
      const service = await SuggestService.start({
        recheck: false,
        dataDir: null,
        cacheFile: output,
        onStatus: (s) => {
          if (!opts.json && s.state === 'indexing' && s.phase !== lastPhase && process.stderr.isTTY) {
            lastPhase = s.phase;
            process.stderr.write(`\r${s.phase}（${Math.round(s.progress * 100)}%）\x1b[K`);
          }
        },
      });
      try {
        // Always a full build: the output file is the result, not a cache to trust.
        const status = await service.setFolders(folders, true);
        if (process.stderr.isTTY && !opts.json) process.stderr.write('\r\x1b[K');
        if (status.state === 'error') throw new CliError(status.message ?? '建立素材索引失败。');
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ output, documents: status.documents, characters: status.characters, duplicates: status.duplicates, failed: status.failed, missingFolders: status.missingFolders, seconds })}\n`,
          );
        } else {
          process.stdout.write(`已写入 ${output}：${describeStatus(status)}，用时 ${seconds.toFixed(1)} 秒。\n`);
          for (const f of status.failed) process.stderr.write(`  无法读取 ${f.path}：${f.message}\n`);
        }
      } finally {
        await service.close();
      }
    });
}
