/**
 * The app: toolbar, outline pane, the page, status bar, dialogs. Wires the shell's events
 * (menu commands, files to open, the close handshake) to the command registry.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import type { Settings } from '../shared/settings';
import { APP_NAME, APP_NAME_EN } from '../shared/app';
import { api } from './api';
import { reportError, runCommand, useCommands, useKeyboardShortcuts } from './app/commands';
import { DialogHost, ask } from './app/dialogs';
import { UNTITLED, markClean, session } from './app/session';
import { Guard } from './components/Guard';
import { OutlinePane } from './components/OutlinePane';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { EditorCommands } from './editor/EditorCommands';
import { EditorShell, EditorSurface, loadDocument, newDocumentModel } from './editor/Editor';
import { FindReplacePanel } from './editor/find/FindReplacePanel';
import { OutlinePlugin } from './editor/outline/OutlinePlugin';

/**
 * Asks what to do with unsaved changes before they would be lost.
 * Resolves true when it is fine to go on (saved, or the user chose 不保存).
 */
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

function useSettings(): [Settings | null, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    api.getSettings().then(setSettings, reportError);
  }, []);
  const update = (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    api.updateSettings(patch).then(setSettings, reportError);
  };
  return [settings, update];
}

function AppCommands({ settings, updateSettings }: { settings: Settings | null; updateSettings: (p: Partial<Settings>) => void }) {
  const [editor] = useLexicalComposerContext();
  const zoom = settings?.zoom ?? 100;
  useCommands(
    {
      'file.new': async () => {
        if (!(await confirmDiscardChanges())) return;
        loadDocument(editor, newDocumentModel());
        session.set({ name: UNTITLED, path: null, dirty: false });
        markClean();
      },
      'file.quit': () => window.close(),
      'view.outline': () => updateSettings({ showOutline: !(settings?.showOutline ?? true) }),
      'view.zoomIn': () => updateSettings({ zoom: Math.min(300, zoom + 10) }),
      'view.zoomOut': () => updateSettings({ zoom: Math.max(50, zoom - 10) }),
      'view.zoomReset': () => updateSettings({ zoom: 100 }),
      'help.about': async () => {
        const info = await api.getAppInfo();
        await ask({
          title: `关于${APP_NAME}`,
          message: (
            <div className="about">
              <p>
                <strong>
                  {APP_NAME} {APP_NAME_EN}
                </strong>{' '}
                版本 {info.version}
              </p>
              <p>离线撰写公文：大纲、常用提法提示、按 GB/T 9704-2012 导出 Word。</p>
              <p className="muted">数据与设置保存在：{info.userDataDir}</p>
            </div>
          ),
          buttons: [{ id: 'ok', label: '确定', primary: true }],
        });
      },
    },
    [editor, settings, zoom],
  );

  // Events from the shell: menu commands and the close handshake.
  useEffect(() => {
    const offCommand = api.on('command', ({ command }) => void runCommand(command));
    const offClose = api.on('closeRequested', () => {
      void confirmDiscardChanges().then((ok) => {
        if (ok) return api.confirmClose();
      });
    });
    return () => {
      offCommand();
      offClose();
    };
  }, []);
  return null;
}

export function App() {
  const [settings, updateSettings] = useSettings();
  useKeyboardShortcuts();
  const zoom = (settings?.zoom ?? 100) / 100;
  const showOutline = settings?.showOutline ?? true;
  const autoRenumber = settings?.autoRenumber ?? true;
  return (
    <EditorShell>
      <EditorCommands />
      <AppCommands settings={settings} updateSettings={updateSettings} />
      <Guard name="大纲">
        <OutlinePlugin autoRenumber={autoRenumber} />
      </Guard>
      <div className="app">
        <Guard name="工具栏">
          <Toolbar />
        </Guard>
        <div className="workspace">
          {showOutline && (
            <Guard name="文档结构">
              <OutlinePane autoRenumber={autoRenumber} onAutoRenumberChange={(on) => updateSettings({ autoRenumber: on })} />
            </Guard>
          )}
          <main className="page-scroller">
            <Guard name="查找和替换">
              <FindReplacePanel />
            </Guard>
            <div className="page" style={{ zoom }}>
              <EditorSurface />
            </div>
          </main>
        </div>
        <Guard name="状态栏">
          <StatusBar />
        </Guard>
      </div>
      <Guard name="对话框">
        <DialogHost />
      </Guard>
    </EditorShell>
  );
}
