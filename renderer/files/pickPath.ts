/**
 * Choosing a file to open or a place to save: the native dialogs in Electron; in the web
 * harness, where there are none, a path prompt with the recent files to pick from.
 */
import type { DocumentFormat } from '../../shared/api/contract';
import { api } from '../api';
import { notify, prompt } from '../app/dialogs';
import { basename, dirname, isAbsolutePath } from './paths';

let shell: Promise<'electron' | 'web'> | null = null;

export function shellKind(): Promise<'electron' | 'web'> {
  shell ??= api.getAppInfo().then(
    (info) => info.shell,
    () => 'web' as const,
  );
  return shell;
}

async function promptForPath(title: string, value: string, okLabel: string, recent: string[]): Promise<string | null> {
  for (;;) {
    const answer = await prompt({
      title,
      label: '文件的完整路径',
      value,
      placeholder: '例如 /home/用户/文档/报告.docx 或 D:\\材料\\报告.docx',
      okLabel,
      choices: recent.map((p) => ({ label: basename(p), detail: dirname(p), value: p })),
    });
    if (answer === null) return null;
    const trimmed = answer.trim().replace(/^"(.*)"$/, '$1');
    if (isAbsolutePath(trimmed)) return trimmed;
    notify('请输入文件的完整路径（以 / 开头，或形如 D:\\文件夹\\文件名）。', 'warning');
    value = trimmed;
  }
}

export async function chooseFileToOpen(currentPath: string | null): Promise<string | null> {
  const recent = await api.listRecentFiles().catch(() => [] as string[]);
  if ((await shellKind()) === 'electron') {
    const dir = currentPath ? dirname(currentPath) : recent[0] ? dirname(recent[0]) : undefined;
    return api.chooseOpenPath(dir ? { defaultPath: dir } : {});
  }
  return promptForPath('打开', '', '打开', recent);
}

/** Where to save. `confirmed` is true when the native dialog already asked about replacing a file. */
export async function chooseSaveTarget(defaultPath: string, format: DocumentFormat): Promise<{ path: string; confirmed: boolean } | null> {
  if ((await shellKind()) === 'electron') {
    const chosen = await api.chooseSavePath({ defaultPath, format });
    return chosen ? { path: chosen, confirmed: true } : null;
  }
  const chosen = await promptForPath('另存为', defaultPath, '保存', []);
  return chosen ? { path: chosen, confirmed: false } : null;
}
