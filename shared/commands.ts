/**
 * Application commands. The native menu (Electron) and the renderer's own shortcuts both
 * speak these ids; the renderer is where every command is carried out.
 */
export const APP_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.export',
  'file.printPreview',
  'file.newFromTemplate',
  'file.quit',
  'edit.undo',
  'edit.redo',
  'edit.find',
  'edit.replace',
  'edit.suggestions',
  'edit.nextField',
  'edit.previousField',
  'format.bold',
  'format.italic',
  'format.underline',
  'format.role.title',
  'format.role.heading1',
  'format.role.heading2',
  'format.role.heading3',
  'format.role.heading4',
  'format.role.body',
  'format.align.left',
  'format.align.center',
  'format.align.right',
  'format.align.justify',
  'format.firstLineIndent',
  'outline.promote',
  'outline.demote',
  'outline.moveUp',
  'outline.moveDown',
  'outline.renumber',
  'view.outline',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'tools.options',
  'view.suggestions',
  'tools.corpus',
  'tools.cleanDocument',
  'help.about',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export interface Shortcut {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/**
 * Word's shortcuts (Ctrl = Cmd on macOS). One table for the menu accelerators and the
 * renderer's keyboard handler, so the two cannot disagree.
 */
export const SHORTCUTS: Partial<Record<AppCommand, Shortcut[]>> = {
  'file.new': [{ key: 'N', ctrl: true }],
  'file.open': [{ key: 'O', ctrl: true }],
  'file.save': [{ key: 'S', ctrl: true }],
  'file.saveAs': [{ key: 'S', ctrl: true, shift: true }, { key: 'F12' }],
  'file.printPreview': [{ key: 'P', ctrl: true }],
  'edit.undo': [{ key: 'Z', ctrl: true }],
  'edit.redo': [{ key: 'Y', ctrl: true }, { key: 'Z', ctrl: true, shift: true }],
  'edit.find': [{ key: 'F', ctrl: true }],
  'edit.replace': [{ key: 'H', ctrl: true }],
  'edit.suggestions': [{ key: '/', alt: true }],
  // Word's next / previous field: the ×× fields of a template.
  'edit.nextField': [{ key: 'F11' }],
  'edit.previousField': [{ key: 'F11', shift: true }],
  'format.bold': [{ key: 'B', ctrl: true }],
  'format.italic': [{ key: 'I', ctrl: true }],
  'format.underline': [{ key: 'U', ctrl: true }],
  'format.role.heading1': [{ key: '1', ctrl: true, alt: true }],
  'format.role.heading2': [{ key: '2', ctrl: true, alt: true }],
  'format.role.heading3': [{ key: '3', ctrl: true, alt: true }],
  'format.role.heading4': [{ key: '4', ctrl: true, alt: true }],
  'format.role.body': [{ key: 'N', ctrl: true, shift: true }],
  'format.align.left': [{ key: 'L', ctrl: true }],
  'format.align.center': [{ key: 'E', ctrl: true }],
  'format.align.right': [{ key: 'R', ctrl: true }],
  'format.align.justify': [{ key: 'J', ctrl: true }],
  // Word's outline shortcuts: promote, demote, move the heading's section up or down.
  'outline.promote': [{ key: 'Left', alt: true, shift: true }],
  'outline.demote': [{ key: 'Right', alt: true, shift: true }],
  'outline.moveUp': [{ key: 'Up', alt: true, shift: true }],
  'outline.moveDown': [{ key: 'Down', alt: true, shift: true }],
  'view.zoomIn': [{ key: '=', ctrl: true }],
  'view.zoomOut': [{ key: '-', ctrl: true }],
  'view.zoomReset': [{ key: '0', ctrl: true }],
};

/** Electron accelerator string for a shortcut, e.g. "CmdOrCtrl+Shift+S". */
export function acceleratorOf(s: Shortcut): string {
  const parts: string[] = [];
  if (s.ctrl) parts.push('CmdOrCtrl');
  if (s.alt) parts.push('Alt');
  if (s.shift) parts.push('Shift');
  parts.push(s.key === '=' ? 'Plus' : s.key);
  return parts.join('+');
}

const ARROWS: Record<string, string> = { Left: '←', Right: '→', Up: '↑', Down: '↓' };

/** Human label as Word shows it, e.g. "Ctrl+Shift+S", "Alt+Shift+←". */
export function shortcutLabel(s: Shortcut): string {
  const parts: string[] = [];
  if (s.ctrl) parts.push('Ctrl');
  if (s.alt) parts.push('Alt');
  if (s.shift) parts.push('Shift');
  parts.push(ARROWS[s.key] ?? s.key);
  return parts.join('+');
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** Physical key, e.g. "Digit1": used when Alt changes the produced character. */
  code?: string;
}

function keyMatches(e: KeyLike, s: Shortcut): boolean {
  const ctrl = e.ctrlKey || e.metaKey;
  if (Boolean(s.ctrl) !== ctrl || Boolean(s.shift) !== e.shiftKey || Boolean(s.alt) !== e.altKey) return false;
  const want = s.key.toUpperCase();
  if (e.key.toUpperCase() === want) return true;
  if (e.key.toUpperCase() === `ARROW${want}`) return true; // "Left" ↔ "ArrowLeft"
  // With Alt or Shift held the produced character may differ ("!" for Shift+1 on some layouts).
  if (e.code) {
    if (/^[A-Z]$/.test(want) && e.code === `Key${want}`) return true;
    if (/^[0-9]$/.test(want) && e.code === `Digit${want}`) return true;
    if (want === '=' && e.code === 'Equal') return true;
    if (want === '-' && e.code === 'Minus') return true;
    if (want === '/' && e.code === 'Slash') return true;
  }
  return false;
}

/** The command a key event triggers, if any. */
export function commandForKey(e: KeyLike): AppCommand | null {
  for (const [cmd, list] of Object.entries(SHORTCUTS) as [AppCommand, Shortcut[]][]) {
    if (list.some((s) => keyMatches(e, s))) return cmd;
  }
  return null;
}
