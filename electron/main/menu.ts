/** Turns the menu model into a native menu. Clicks become commands sent to the renderer. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/commands';
import type { MenuEntry } from './menuModel';

export interface MenuActions {
  command(command: AppCommand): void;
  open(path: string): void;
  clearRecent(): void;
  quit(): void;
}

function toItem(entry: MenuEntry, actions: MenuActions): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'submenu':
      return { label: entry.label, submenu: entry.items.map((e) => toItem(e, actions)) };
    case 'role':
      return { label: entry.label, role: entry.role, accelerator: entry.accelerator };
    case 'open':
      return { label: entry.label, click: () => actions.open(entry.path) };
    case 'clearRecent':
      return { label: entry.label, enabled: entry.enabled, click: () => actions.clearRecent() };
    case 'quit':
      return { label: entry.label, accelerator: entry.accelerator, click: () => actions.quit() };
    case 'command':
      return {
        label: entry.label,
        accelerator: entry.accelerator,
        // The renderer handles the keys itself (the same handler runs in the web harness);
        // the menu only shows them.
        registerAccelerator: false,
        ...(entry.checked !== undefined ? { type: 'checkbox' as const, checked: entry.checked } : {}),
        click: () => actions.command(entry.command),
      };
  }
}

export function buildNativeMenu(model: MenuEntry[], actions: MenuActions): Menu {
  return Menu.buildFromTemplate(model.map((e) => toItem(e, actions)));
}
