/**
 * The app: toolbar, outline pane, the page, status bar, dialogs. Wires the shell's events
 * (menu commands, files to open, the close handshake) to the command registry.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { lazy, useEffect, useState } from 'react';
import type { Settings } from '../shared/settings';
import { describeReport } from '../shared/corpus/clean';
import { APP_NAME, APP_NAME_EN } from '../shared/app';
import { api } from './api';
import { reportError, runCommand, useCommands, useKeyboardShortcuts } from './app/commands';
import { confirmDiscardChanges } from './app/confirmDiscard';
import { DialogHost, ask, notify } from './app/dialogs';
import { Guard } from './components/Guard';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { EditorCommands } from './editor/EditorCommands';
import { EditorShell, EditorSurface } from './editor/Editor';
import { FindReplacePanel } from './editor/find/FindReplacePanel';
import { ExportFeature } from './export/ExportDialog';
import { PrintPreviewFeature } from './export/PrintPreview';
import { FileCommands } from './files/FileCommands';
import { NewFromTemplateFeature } from './files/NewFromTemplate';
import { FileStatus } from './files/FileStatus';
import { discardCurrentBackup } from './files/fileActions';
import { SettingsFeature } from './settings/SettingsDialog';
import { CorpusSettings } from './components/CorpusSettings';
import { CorpusTools, SuggestionStatus } from './components/SuggestionStatus';
import { cleanDocument } from './editor/cleanDocument';
import { SuggestionList } from './editor/suggest/SuggestionList';
import { SuggestionPlugin } from './editor/suggest/SuggestionPlugin';
import { followCorpusStatus } from './editor/suggest/suggestStore';
import { OutlinePlugin } from './editor/outline/OutlinePlugin';
import { SidePane } from './components/SidePane';
import { SectionBreakPlugin } from './editor/stories/SectionBreakPlugin';
import { followSourceStories } from './editor/stories/storiesStore';
import { ContextMenu } from './editor/ContextMenu';
import { AfterEditor } from './app/deferred';

// Not needed for the first keystroke: loaded once the editor has shown (app/deferred.tsx).
const OutlinePane = lazy(() => import('./components/OutlinePane').then((m) => ({ default: m.OutlinePane })));
const ProofreadPanel = lazy(() => import('./editor/proofread/ProofreadPanel').then((m) => ({ default: m.ProofreadPanel })));

export { confirmDiscardChanges } from './app/confirmDiscard';

function useSettings(): [Settings | null, (patch: Partial<Settings>) => void, (s: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    api.getSettings().then(setSettings, reportError);
  }, []);
  const update = (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    api.updateSettings(patch).then(setSettings, reportError);
  };
  return [settings, update, setSettings];
}

function AppCommands({ settings, updateSettings, replaceSettings }: { settings: Settings | null; updateSettings: (p: Partial<Settings>) => void; replaceSettings: (s: Settings) => void }) {
  const [editor] = useLexicalComposerContext();
  const zoom = settings?.zoom ?? 100;
  useCommands(
    {
      'file.quit': () => window.close(),
      'view.outline': () => updateSettings({ showOutline: !(settings?.showOutline ?? true) }),
      'view.zoomIn': () => updateSettings({ zoom: Math.min(300, zoom + 10) }),
      'view.zoomOut': () => updateSettings({ zoom: Math.max(50, zoom - 10) }),
      'view.zoomReset': () => updateSettings({ zoom: 100 }),
      'view.suggestions': () => updateSettings({ suggestions: !(settings?.suggestions ?? true) }),
      'tools.corpus': async () => {
        const initial = settings ?? (await api.getSettings());
        await ask({
          title: '素材库与输入提示',
          message: <CorpusSettings initial={initial} onChange={replaceSettings} />,
          buttons: [{ id: 'close', label: '关闭', primary: true }],
        });
      },
      'tools.cleanDocument': () => {
        const summary = describeReport(cleanDocument(editor));
        notify(summary ? `已清理：${summary}。可用 Ctrl+Z 撤销。` : '没有发现需要清理的内容（推广信息、来源标注、网页标记、页码、乱码）。');
      },
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
      void confirmDiscardChanges().then(async (ok) => {
        if (!ok) return;
        await discardCurrentBackup();
        return api.confirmClose();
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
  const [settings, updateSettings, replaceSettings] = useSettings();
  useKeyboardShortcuts();
  useEffect(followCorpusStatus, []);
  useEffect(followSourceStories, []);
  const suggestions = settings?.suggestions ?? true;
  const zoom = (settings?.zoom ?? 100) / 100;
  const showOutline = settings?.showOutline ?? true;
  const autoRenumber = settings?.autoRenumber ?? true;
  const proofread = settings?.proofread ?? { enabled: true, off: [], ignored: [] };
  return (
    <EditorShell>
      <EditorCommands />
      <AppCommands settings={settings} updateSettings={updateSettings} replaceSettings={replaceSettings} />
      <FileCommands />
      <Guard name="输入提示">
        <SuggestionPlugin enabled={suggestions} />
      </Guard>
      <Guard name="大纲">
        <OutlinePlugin autoRenumber={autoRenumber} />
      </Guard>
      <Guard name="分节符">
        <SectionBreakPlugin />
      </Guard>
      <div className="app">
        <Guard name="工具栏">
          <Toolbar extra={<CorpusTools />} />
        </Guard>
        <div className="workspace">
          {showOutline && (
            <SidePane
              outline={
                <Guard name="文档结构">
                  <AfterEditor>
                    <OutlinePane autoRenumber={autoRenumber} onAutoRenumberChange={(on) => updateSettings({ autoRenumber: on })} />
                  </AfterEditor>
                </Guard>
              }
            />
          )}
          <main className="page-scroller">
            <Guard name="查找和替换">
              <FindReplacePanel />
            </Guard>
            <div className="page" style={{ zoom }}>
              <EditorSurface />
            </div>
          </main>
          {proofread.enabled && (
            <Guard name="校对">
              <AfterEditor fallback={<aside className="proofread-pane" aria-label="校对" />}>
                <ProofreadPanel settings={proofread} onChange={(p) => updateSettings({ proofread: p })} onClose={() => updateSettings({ proofread: { ...proofread, enabled: false } })} />
              </AfterEditor>
            </Guard>
          )}
        </div>
        <Guard name="状态栏">
          <StatusBar>
            <FileStatus />
            <SuggestionStatus enabled={suggestions} onToggle={() => updateSettings({ suggestions: !suggestions })} />
            <button type="button" className="status-button" data-testid="status-proofread" onClick={() => updateSettings({ proofread: { ...proofread, enabled: !proofread.enabled } })}>
              校对：{proofread.enabled ? '开' : '关'}
            </button>
          </StatusBar>
        </Guard>
        <Guard name="输入提示列表">
          <SuggestionList />
        </Guard>
      </div>
      <Guard name="导出">
        <ExportFeature />
      </Guard>
      <Guard name="右键菜单">
        <ContextMenu />
      </Guard>
      <Guard name="新建">
        <NewFromTemplateFeature />
      </Guard>
      <Guard name="选项">
        <SettingsFeature onSaved={replaceSettings} />
      </Guard>
      <Guard name="对话框">
        <DialogHost />
      </Guard>
      <Guard name="打印视图">
        <PrintPreviewFeature />
      </Guard>
    </EditorShell>
  );
}
