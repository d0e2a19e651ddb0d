import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, SHORTCUTS, acceleratorOf, commandForKey, shortcutLabel } from '../../../shared/commands';

const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; meta: boolean }> = {}, code?: string) => ({
  key: k,
  code,
  ctrlKey: !!mods.ctrl,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
  metaKey: !!mods.meta,
});

describe('Word shortcuts', () => {
  it('maps the common Word shortcuts to commands', () => {
    expect(commandForKey(key('s', { ctrl: true }))).toBe('file.save');
    expect(commandForKey(key('S', { ctrl: true, shift: true }))).toBe('file.saveAs');
    expect(commandForKey(key('F12'))).toBe('file.saveAs');
    expect(commandForKey(key('o', { ctrl: true }))).toBe('file.open');
    expect(commandForKey(key('n', { ctrl: true }))).toBe('file.new');
    expect(commandForKey(key('f', { ctrl: true }))).toBe('edit.find');
    expect(commandForKey(key('h', { ctrl: true }))).toBe('edit.replace');
    expect(commandForKey(key('y', { ctrl: true }))).toBe('edit.redo');
    expect(commandForKey(key('z', { ctrl: true }))).toBe('edit.undo');
    expect(commandForKey(key('e', { ctrl: true }))).toBe('format.align.center');
    expect(commandForKey(key('j', { ctrl: true }))).toBe('format.align.justify');
  });

  it('uses the physical key when Alt changes the character (Ctrl+Alt+1 → 一级标题)', () => {
    expect(commandForKey(key('¡', { ctrl: true, alt: true }, 'Digit1'))).toBe('format.role.heading1');
    expect(commandForKey(key('N', { ctrl: true, shift: true }, 'KeyN'))).toBe('format.role.body');
  });

  it("maps Word's outline shortcuts, Alt+Shift+arrows", () => {
    expect(commandForKey(key('ArrowLeft', { alt: true, shift: true }))).toBe('outline.promote');
    expect(commandForKey(key('ArrowRight', { alt: true, shift: true }))).toBe('outline.demote');
    expect(commandForKey(key('ArrowUp', { alt: true, shift: true }))).toBe('outline.moveUp');
    expect(commandForKey(key('ArrowDown', { alt: true, shift: true }))).toBe('outline.moveDown');
    expect(commandForKey(key('ArrowLeft', { shift: true }))).toBeNull();
    expect(shortcutLabel(SHORTCUTS['outline.promote']![0]!)).toBe('Alt+Shift+←');
    expect(acceleratorOf(SHORTCUTS['outline.moveDown']![0]!)).toBe('Alt+Shift+Down');
  });

  it('treats Cmd like Ctrl and does not fire on plain keys', () => {
    expect(commandForKey(key('b', { meta: true }))).toBe('format.bold');
    expect(commandForKey(key('b'))).toBeNull();
    expect(commandForKey(key('s', { ctrl: true, alt: true }))).toBeNull();
  });

  it('has no two commands on the same key', () => {
    const seen = new Map<string, string>();
    for (const [cmd, list] of Object.entries(SHORTCUTS)) {
      for (const s of list!) {
        const acc = acceleratorOf(s);
        expect(seen.get(acc), `${acc} is bound twice`).toBeUndefined();
        seen.set(acc, cmd);
        expect(APP_COMMANDS).toContain(cmd);
      }
    }
  });
});
