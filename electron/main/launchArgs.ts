/**
 * What the command line and the OS hand the app at launch: document paths (file association,
 * "open with", a second launch) and window bounds that must land on a visible screen.
 */
import path from 'node:path';

export const OPENABLE_EXTENSIONS = ['.wgd', '.docx', '.txt', '.dotx', '.docm', '.doc'] as const;

/** Filters of the native 打开 dialog. */
export const OPEN_DIALOG_FILTERS = [
  { name: '所有支持的文档', extensions: ['docx', 'txt', 'wgd', 'dotx', 'docm'] },
  { name: 'Word 文档', extensions: ['docx'] },
  { name: '文本文件', extensions: ['txt'] },
  { name: '文稿文档', extensions: ['wgd'] },
  { name: '所有文件', extensions: ['*'] },
];

const SAVE_FILTERS = {
  wgd: { name: '文稿文档 (*.wgd)', extensions: ['wgd'] },
  docx: { name: 'Word 文档 (*.docx)', extensions: ['docx'] },
  txt: { name: '纯文本 (*.txt)', extensions: ['txt'] },
} as const;

/** Filters of the native 另存为 dialog, the document's current format first. */
export function saveDialogFilters(format: keyof typeof SAVE_FILTERS): Array<{ name: string; extensions: string[] }> {
  const order = [format, ...(['docx', 'wgd', 'txt'] as const).filter((f) => f !== format)];
  return order.map((f) => ({ name: SAVE_FILTERS[f].name, extensions: [...SAVE_FILTERS[f].extensions] }));
}

/**
 * Document paths in an argv. Skips the executable, the app folder (dev runs pass it), Chromium
 * and Electron switches and anything without a document extension.
 */
export function documentPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue;
    const ext = path.extname(arg).toLowerCase();
    if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(ext)) continue;
    out.push(path.resolve(cwd, arg));
  }
  return out;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Keeps remembered bounds only if enough of the window lies on a current display (a monitor
 * may have been unplugged since); otherwise returns undefined so the window is centred.
 */
export function visibleBounds(bounds: Rect | undefined, workAreas: readonly Rect[]): Rect | undefined {
  if (!bounds) return undefined;
  for (const a of workAreas) {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    // The title bar must be reachable: at least 100×40 px of the top of the window visible.
    const titleVisible = bounds.y >= a.y - 10 && bounds.y < a.y + a.height - 40;
    if (w >= 100 && h >= 40 && titleVisible) {
      return {
        x: bounds.x,
        y: bounds.y,
        width: Math.min(bounds.width, a.width),
        height: Math.min(bounds.height, a.height),
      };
    }
  }
  return undefined;
}
