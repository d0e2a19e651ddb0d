import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CloseGuard } from '../../../electron/main/closeGuard';
import { documentPathsFromArgv, saveDialogFilters, visibleBounds } from '../../../electron/main/launchArgs';
import { buildMenuModel, type MenuEntry } from '../../../electron/main/menuModel';

function flatten(items: MenuEntry[]): MenuEntry[] {
  return items.flatMap((i) => (i.kind === 'submenu' ? [i, ...flatten(i.items)] : [i]));
}

describe('application menu', () => {
  const model = buildMenuModel({ recentFiles: ['/home/u/报告.docx'], showOutline: true, platform: 'win32' });
  const all = flatten(model);
  const byLabel = (l: string) => all.find((e) => 'label' in e && e.label.startsWith(l));

  it('has the Chinese top-level menus', () => {
    expect(model.map((m) => ('label' in m ? m.label : ''))).toEqual(['文件(&F)', '编辑(&E)', '格式(&O)', '视图(&V)', '工具(&T)', '帮助(&H)']);
  });

  it("shows Word's shortcuts", () => {
    expect(byLabel('新建')).toMatchObject({ command: 'file.new', accelerator: 'CmdOrCtrl+N' });
    expect(byLabel('打开')).toMatchObject({ command: 'file.open', accelerator: 'CmdOrCtrl+O' });
    expect(byLabel('保存')).toMatchObject({ command: 'file.save', accelerator: 'CmdOrCtrl+S' });
    expect(byLabel('另存为')).toMatchObject({ command: 'file.saveAs', accelerator: 'CmdOrCtrl+Shift+S' });
    expect(byLabel('查找')).toMatchObject({ command: 'edit.find', accelerator: 'CmdOrCtrl+F' });
    expect(byLabel('替换')).toMatchObject({ command: 'edit.replace', accelerator: 'CmdOrCtrl+H' });
    expect(byLabel('撤销')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(byLabel('重做')).toMatchObject({ accelerator: 'CmdOrCtrl+Y' });
    expect(byLabel('复制')).toMatchObject({ role: 'copy' });
    expect(byLabel('退出')).toMatchObject({ kind: 'quit' });
    expect(byLabel('关于')).toMatchObject({ command: 'help.about' });
    expect(byLabel('导出')).toMatchObject({ command: 'file.export' });
    expect(byLabel('按文种新建')).toMatchObject({ command: 'file.newFromTemplate' });
    expect(byLabel('打印预览')).toMatchObject({ command: 'file.printPreview', accelerator: 'CmdOrCtrl+P' });
    // F11 is Word's next field (the ×× of a template), so 全屏 does without it.
    expect(byLabel('下一个')).toMatchObject({ command: 'edit.nextField', accelerator: 'F11' });
    expect(byLabel('上一个')).toMatchObject({ command: 'edit.previousField', accelerator: 'Shift+F11' });
    expect(all.filter((e) => 'accelerator' in e && e.accelerator === 'F11')).toHaveLength(1);
  });

  it('lists recent files', () => {
    const recent = byLabel('最近打开');
    expect(recent?.kind).toBe('submenu');
    expect(recent && recent.kind === 'submenu' && recent.items[0]).toMatchObject({ kind: 'open', path: '/home/u/报告.docx' });
  });
});

describe('launch arguments', () => {
  it('finds document paths, skipping the executable, the app folder and switches', () => {
    const argv = ['C:\\Wengao\\文稿.exe', '.', '--allow-file-access', 'D:\\材料\\报告.DOCX', 'notes.txt', 'x.exe'];
    const got = documentPathsFromArgv(argv, '/work');
    expect(got).toEqual([path.resolve('/work', 'D:\\材料\\报告.DOCX'), path.resolve('/work', 'notes.txt')]);
  });

  it('opens Word templates and old .doc files too (the latter to explain how to convert them)', () => {
    expect(documentPathsFromArgv(['wengao', '模板.dotx', '旧.doc', '宏.docm'], '/w')).toEqual(['/w/模板.dotx', '/w/旧.doc', '/w/宏.docm']);
  });

  it("offers the document's own format first in the Save As dialog", () => {
    expect(saveDialogFilters('txt').map((f) => f.extensions[0])).toEqual(['txt', 'docx', 'wgd']);
    expect(saveDialogFilters('docx')[0]).toEqual({ name: 'Word 文档 (*.docx)', extensions: ['docx'] });
  });

  it('keeps window bounds only where a display shows them', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(visibleBounds({ x: 100, y: 100, width: 1200, height: 800 }, screen)).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    expect(visibleBounds({ x: 2500, y: 100, width: 1200, height: 800 }, screen)).toBeUndefined(); // unplugged monitor
    expect(visibleBounds({ x: 0, y: -500, width: 1200, height: 800 }, screen)).toBeUndefined(); // title bar off screen
    expect(visibleBounds({ x: 0, y: 0, width: 3000, height: 2000 }, screen)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });
});

describe('close handshake', () => {
  it('lets a clean window close and holds a dirty one until the renderer confirms', () => {
    const g = new CloseGuard();
    expect(g.onCloseAttempt()).toBe('allow');
    g.setDirty(true);
    expect(g.onCloseAttempt()).toBe('ask');
    expect(g.onCloseAttempt()).toBe('ask');
    g.confirm();
    expect(g.onCloseAttempt()).toBe('allow');
  });
});
