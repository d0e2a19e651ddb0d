/**
 * `npm run web -- --port N [--user-data DIR] [--corpus DIR]…`: starts the web harness and prints
 * its URL (http://127.0.0.1:N/?token=…) as the only line on stdout.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, type ApiHandlers } from '../../shared/api/contract';
import { createServiceHandlers } from '../services/handlers';
import { SettingsStore } from '../services/settingsStore';
import { lockUserData } from '../services/userDataLock';
import { checkFolder } from '../services/suggest/corpusFolders';
import { SuggestService } from '../services/suggest/suggestService';
import { startHarness, type Harness } from './server';

const HELP = `用法: npm run web -- [--port N] [--user-data DIR] [--open FILE] [--corpus DIR]…

  --port N          监听 127.0.0.1 的端口（默认随机）
  --user-data DIR   设置与备份所在文件夹（默认新建临时文件夹）
  --open FILE       启动后打开这个文件（.docx、.txt 或 .wgd）
  --corpus DIR      用作素材库的文件夹（可重复；替换设置中的素材文件夹）
  -h, --help        显示本帮助`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      open: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(`${HELP}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`无效的端口：${values.port}`);
  const userData = values['user-data']
    ? path.resolve(values['user-data'])
    : await fs.mkdtemp(path.join(os.tmpdir(), 'wengao-web-'));
  // Two harnesses on one folder would overwrite each other's settings and discard each other's backups.
  await lockUserData(userData, 'web harness');
  let harness: Harness | null = null;
  // Independent of each other: read at once (the page waits for the URL line).
  const [store, suggestions, version] = await Promise.all([
    SettingsStore.open(userData),
    SuggestService.start({ dataDir: userData, onStatus: (status) => harness?.emit('corpusStatus', status) }),
    fs.readFile(path.join(__dirname, '..', '..', 'package.json'), 'utf8').then((t) => (JSON.parse(t) as { version: string }).version),
  ]);
  if (values.corpus) {
    const folders: string[] = [];
    for (const f of values.corpus) folders.push(await checkFolder(path.resolve(f)));
    await store.updateSettings({ corpusFolders: folders });
  }
  void suggestions.setFolders(store.getSettings().corpusFolders);
  const startupFiles: string[] = values.open ? [path.resolve(values.open)] : [];
  const noDialogs = () => {
    throw new UserError('unsupported', '网页版没有系统文件对话框：请在页面中输入文件路径。');
  };

  const handlers: ApiHandlers = {
    ...createServiceHandlers({ store, suggestions, saveDocx: true }),
    getAppInfo: () => ({ name: 'wengao', version, shell: 'web', platform: process.platform, userDataDir: userData, documentsDir: os.homedir() }),
    setWindowState: () => null,
    confirmClose: () => null,
    takeStartupFiles: () => startupFiles.splice(0),
    chooseOpenPath: noDialogs,
    chooseSavePath: noDialogs,
    // A browser tab prints its print view itself (window.print → 另存为 PDF); there is no native dialog.
    exportPdf: () => {
      throw new UserError('unsupported', '网页版不能直接写入 PDF 文件：请在打印对话框中选择“另存为 PDF”。');
    },
    chooseExportPath: () => null,
    // A browser has no native folder picker: the renderer asks for a path instead.
    chooseFolders: () => null,
  };
  const started = await startHarness({ port, rendererRoot: path.join(__dirname, 'renderer'), handlers });
  harness = started;
  const stop = () => {
    void Promise.all([started.close(), suggestions.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Last: whoever waits for this line may stop the harness at once (the handlers above release the lock).
  process.stdout.write(`${started.url}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`wengao web: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
