/**
 * The application menu as data: Chinese labels, Word's shortcuts. menu.ts turns it into an
 * Electron Menu. Shortcuts are shown in the menu but handled by the renderer (one keyboard
 * handler for Electron and the web harness alike), except the clipboard roles, which need the
 * native implementation.
 */
import path from 'node:path';
import { SHORTCUTS, acceleratorOf, type AppCommand } from '../../shared/commands';

export type MenuEntry =
  | { kind: 'command'; label: string; command: AppCommand; accelerator?: string; checked?: boolean }
  | { kind: 'role'; label: string; role: 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen' | 'minimize'; accelerator?: string }
  | { kind: 'open'; label: string; path: string }
  | { kind: 'clearRecent'; label: string; enabled: boolean }
  | { kind: 'quit'; label: string; accelerator?: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; items: MenuEntry[] };

export interface MenuContext {
  recentFiles: string[];
  showOutline: boolean;
  /** Phrase suggestions on (checked in 视图). */
  suggestions?: boolean;
  platform: NodeJS.Platform;
}

function cmd(label: string, command: AppCommand, extra: { checked?: boolean } = {}): MenuEntry {
  const first = SHORTCUTS[command]?.[0];
  return { kind: 'command', label, command, ...(first ? { accelerator: acceleratorOf(first) } : {}), ...extra };
}

const sep: MenuEntry = { kind: 'separator' };

export function recentFilesMenu(recentFiles: string[]): MenuEntry[] {
  const items: MenuEntry[] = recentFiles.map((p, i) => ({
    kind: 'open',
    label: `${i + 1 < 10 ? `&${i + 1} ` : ''}${path.basename(p)}  —  ${path.dirname(p)}`,
    path: p,
  }));
  if (items.length === 0) items.push({ kind: 'clearRecent', label: '（无）', enabled: false });
  items.push(sep, { kind: 'clearRecent', label: '清除最近打开记录', enabled: recentFiles.length > 0 });
  return items;
}

export function buildMenuModel(ctx: MenuContext): MenuEntry[] {
  return [
    {
      kind: 'submenu',
      label: '文件(&F)',
      items: [
        cmd('新建(&N)', 'file.new'),
        cmd('按文种新建(&T)…', 'file.newFromTemplate'),
        cmd('打开(&O)…', 'file.open'),
        { kind: 'submenu', label: '最近打开(&R)', items: recentFilesMenu(ctx.recentFiles) },
        sep,
        cmd('保存(&S)', 'file.save'),
        cmd('另存为(&A)…', 'file.saveAs'),
        cmd('导出(&E)…', 'file.export'),
        cmd('打印预览和打印(&V)…', 'file.printPreview'),
        sep,
        { kind: 'quit', label: '退出(&X)', accelerator: ctx.platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      kind: 'submenu',
      label: '编辑(&E)',
      items: [
        cmd('撤销(&U)', 'edit.undo'),
        cmd('重做(&R)', 'edit.redo'),
        sep,
        { kind: 'role', label: '剪切(&T)', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { kind: 'role', label: '复制(&C)', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { kind: 'role', label: '粘贴(&P)', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { kind: 'role', label: '全选(&L)', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        sep,
        cmd('查找(&F)…', 'edit.find'),
        cmd('替换(&H)…', 'edit.replace'),
        sep,
        cmd('输入提示列表', 'edit.suggestions'),
        sep,
        cmd('下一个 ×× 填写处', 'edit.nextField'),
        cmd('上一个 ×× 填写处', 'edit.previousField'),
      ],
    },
    {
      kind: 'submenu',
      label: '格式(&O)',
      items: [
        cmd('加粗(&B)', 'format.bold'),
        cmd('倾斜(&I)', 'format.italic'),
        cmd('下划线(&U)', 'format.underline'),
        sep,
        {
          kind: 'submenu',
          label: '段落样式(&S)',
          items: [
            cmd('标题', 'format.role.title'),
            cmd('一级标题（一、）', 'format.role.heading1'),
            cmd('二级标题（（一））', 'format.role.heading2'),
            cmd('三级标题（1.）', 'format.role.heading3'),
            cmd('四级标题（（1））', 'format.role.heading4'),
            cmd('正文', 'format.role.body'),
          ],
        },
        {
          kind: 'submenu',
          label: '对齐方式(&A)',
          items: [
            cmd('左对齐', 'format.align.left'),
            cmd('居中', 'format.align.center'),
            cmd('右对齐', 'format.align.right'),
            cmd('两端对齐', 'format.align.justify'),
          ],
        },
        cmd('首行缩进 2 字符', 'format.firstLineIndent'),
        sep,
        {
          kind: 'submenu',
          label: '大纲(&L)',
          items: [
            cmd('标题升级', 'outline.promote'),
            cmd('标题降级', 'outline.demote'),
            cmd('本节上移', 'outline.moveUp'),
            cmd('本节下移', 'outline.moveDown'),
            sep,
            cmd('重新编号', 'outline.renumber'),
          ],
        },
      ],
    },
    {
      kind: 'submenu',
      label: '视图(&V)',
      items: [
        cmd('文档结构（大纲）', 'view.outline', { checked: ctx.showOutline }),
        cmd('输入提示', 'view.suggestions', { checked: ctx.suggestions ?? true }),
        sep,
        cmd('放大', 'view.zoomIn'),
        cmd('缩小', 'view.zoomOut'),
        cmd('实际大小', 'view.zoomReset'),
        sep,
        { kind: 'role', label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      kind: 'submenu',
      label: '工具(&T)',
      items: [cmd('素材库与输入提示(&M)…', 'tools.corpus'), cmd('清理素材(&C)', 'tools.cleanDocument'), sep, cmd('选项(&O)…', 'tools.options')],
    },
    {
      kind: 'submenu',
      label: '帮助(&H)',
      items: [cmd('关于文稿(&A)', 'help.about')],
    },
  ];
}
