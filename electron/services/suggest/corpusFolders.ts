/** Adding and removing corpus folders: each must be an existing, readable folder. */
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/api/errors';
import { MAX_CORPUS_FOLDERS, type Settings } from '../../../shared/settings';
import { samePath } from '../samePath';
import type { SettingsStore } from '../settingsStore';

export async function checkFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder)) throw new UserError('not-absolute', `“${folder}”不是完整的文件夹路径（应以盘符或 / 开头）。`);
  const resolved = path.resolve(folder);
  let st;
  try {
    st = await fs.stat(resolved);
  } catch {
    throw new UserError('folder-not-found', `找不到文件夹“${resolved}”。`);
  }
  if (!st.isDirectory()) throw new UserError('not-a-folder', `“${resolved}”不是文件夹。请选择存放往年材料的文件夹。`);
  try {
    await fs.access(resolved, fsConstants.R_OK | fsConstants.X_OK);
  } catch {
    throw new UserError('folder-unreadable', `没有权限读取文件夹“${resolved}”。`);
  }
  return resolved;
}


export async function addCorpusFolders(store: SettingsStore, folders: string[]): Promise<Settings> {
  const current = store.getSettings().corpusFolders;
  const next = [...current];
  for (const f of folders) {
    const resolved = await checkFolder(f);
    if (!next.some((x) => samePath(x, resolved))) next.push(resolved);
  }
  if (next.length > MAX_CORPUS_FOLDERS) throw new UserError('too-many-folders', `素材文件夹最多 ${MAX_CORPUS_FOLDERS} 个。`);
  return store.updateSettings({ corpusFolders: next });
}

export async function removeCorpusFolder(store: SettingsStore, folder: string): Promise<Settings> {
  const current = store.getSettings().corpusFolders;
  return store.updateSettings({ corpusFolders: current.filter((x) => !samePath(x, folder)) });
}
