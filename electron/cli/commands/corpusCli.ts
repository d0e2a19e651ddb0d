/** What `wengao index` and `wengao suggest` share: a suggestion worker over folders or an index file. */
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { renderSlots } from '../../../shared/corpus/slots';
import type { CorpusStatus } from '../../../shared/suggest/status';
import { checkFolder } from '../../services/suggest/corpusFolders';
import { SuggestService } from '../../services/suggest/suggestService';
import { CliError } from '../program';

/** Where the CLI keeps indexes of folders between runs: the user's cache folder. */
export function cliCacheDir(): string {
  if (process.env.WENGAO_CACHE_DIR) return process.env.WENGAO_CACHE_DIR;
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? os.tmpdir(), 'wengao', 'cache');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'wengao');
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function describeStatus(s: CorpusStatus): string {
  const parts = [`${s.documents} 篇文档`, `${s.characters.toLocaleString('zh-CN')} 字`];
  if (s.duplicates > 0) parts.push(`${s.duplicates} 篇重复已跳过`);
  if (s.failed.length > 0) parts.push(`${s.failed.length} 个文件无法读取`);
  return parts.join('，');
}

/**
 * Starts a worker over corpus folders (cached under the user's cache folder unless `cache` is
 * false) or over one index file; resolves once it is ready.
 */
export async function openCorpus(corpus: string[], opts: { cache: boolean; onProgress?: (s: CorpusStatus) => void }): Promise<{ service: SuggestService; status: CorpusStatus }> {
  if (corpus.length === 0) throw new CliError('请用 --corpus 指定素材文件夹或 wengao index 生成的索引文件。');
  const resolved = corpus.map((c) => path.resolve(c));
  const files = resolved.filter((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
  if (files.length > 0) {
    if (resolved.length > 1) throw new CliError('--corpus 给出索引文件时只能给一个。');
    const service = await SuggestService.start({ recheck: false, dataDir: null, cacheFile: null, onStatus: opts.onProgress });
    const status = await service.loadIndex(files[0]!);
    if (status.state === 'error') {
      await service.close();
      throw new CliError(status.message ?? '无法读取索引文件。');
    }
    return { service, status };
  }
  const folders: string[] = [];
  for (const c of resolved) folders.push(await checkFolder(c));
  const key = createHash('sha256').update(folders.join('\n')).digest('hex').slice(0, 16);
  const cacheFile = opts.cache ? path.join(cliCacheDir(), `index-${key}.bin`) : null;
  const service = await SuggestService.start({ recheck: false, dataDir: null, cacheFile, onStatus: opts.onProgress });
  const status = await service.setFolders(folders);
  if (status.state === 'error') {
    await service.close();
    throw new CliError(status.message ?? '建立素材索引失败。');
  }
  return { service, status };
}

/** A suggestion as the CLI prints it: the continuation with slots shown as ××. */
export function displayText(text: string): string {
  return renderSlots(text).text;
}
