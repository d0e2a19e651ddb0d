/**
 * Asks what to do with unsaved changes before they would be lost (保存 / 不保存 / 取消).
 * Resolves true when it is fine to go on: saved (file.save resolved true), or the user chose 不保存.
 */
import { APP_NAME } from '../../shared/app';
import { runCommand } from './commands';
import { ask } from './dialogs';
import { session } from './session';

export async function confirmDiscardChanges(): Promise<boolean> {
  const { dirty, name } = session.get();
  if (!dirty) return true;
  const choice = await ask({
    title: APP_NAME,
    message: `是否保存对“${name}”的更改？`,
    buttons: [
      { id: 'save', label: '保存', primary: true },
      { id: 'discard', label: '不保存' },
      { id: 'cancel', label: '取消' },
    ],
    cancelId: 'cancel',
  });
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  return (await runCommand('file.save')) === true;
}
