/** 素材库与输入提示: the corpus folders (add, remove), suggestions on/off, the index's state. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/settings';
import { api } from '../api';
import { reportError } from '../app/commands';
import { useStore } from '../app/store';
import { corpusStatusStore } from '../editor/suggest/suggestStore';

export function CorpusSettings({ initial, onChange }: { initial: Settings; onChange: (s: Settings) => void }) {
  const [settings, setSettings] = useState(initial);
  const [typing, setTyping] = useState(false);
  const [path, setPath] = useState('');
  const status = useStore(corpusStatusStore);
  const apply = (s: Settings) => {
    setSettings(s);
    onChange(s);
  };
  useEffect(() => {
    api.getSettings().then(setSettings, () => {});
  }, []);

  const add = async () => {
    try {
      const chosen = await api.chooseFolders();
      if (chosen === null) {
        setTyping(true); // no native picker (browser): type the path
        return;
      }
      if (chosen.length > 0) apply(await api.addCorpusFolders(chosen));
    } catch (e) {
      reportError(e);
    }
  };
  const addTyped = async () => {
    const p = path.trim();
    if (!p) return;
    try {
      apply(await api.addCorpusFolders([p]));
      setPath('');
      setTyping(false);
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <div className="corpus-settings" data-testid="corpus-settings">
      <label className="corpus-toggle">
        <input
          type="checkbox"
          data-testid="suggestions-enabled"
          checked={settings.suggestions}
          onChange={(e) => api.updateSettings({ suggestions: e.target.checked }).then(apply, reportError)}
        />
        输入时显示提示（Tab 接受，Esc 忽略，Alt+/ 查看更多）
      </label>
      <div className="corpus-heading">素材文件夹（其中的 .txt、.docx、.wgd 文件，含子文件夹）</div>
      <ul className="corpus-folders" data-testid="corpus-folders">
        {settings.corpusFolders.length === 0 && <li className="muted">尚未添加。没有素材文件夹时，提示来自内置提法库。</li>}
        {settings.corpusFolders.map((f) => (
          <li key={f}>
            <span className="corpus-folder-path" title={f}>
              {f}
            </span>
            {status?.missingFolders.includes(f) && <span className="status-error">（找不到）</span>}
            <button type="button" data-testid="corpus-remove" onClick={() => api.removeCorpusFolder(f).then(apply, reportError)}>
              移除
            </button>
          </li>
        ))}
      </ul>
      {typing ? (
        <form
          className="corpus-add-row"
          onSubmit={(e) => {
            e.preventDefault();
            void addTyped();
          }}
        >
          <input data-testid="corpus-path" autoFocus placeholder="文件夹的完整路径，例如 D:\\材料\\往年报告" value={path} onChange={(e) => setPath(e.target.value)} />
          <button type="submit" data-testid="corpus-add-confirm">
            添加
          </button>
        </form>
      ) : (
        <button type="button" data-testid="corpus-add" onClick={() => void add()}>
          添加文件夹…
        </button>
      )}
      <div className="corpus-status" data-testid="corpus-status">
        {status?.state === 'indexing' && (
          <>
            {status.phase} <progress max={1} value={status.progress} />
          </>
        )}
        {status?.state === 'ready' && (
          <>
            已索引 {status.documents} 篇文档，{status.characters.toLocaleString('zh-CN')} 字
            {status.duplicates > 0 && `，跳过重复 ${status.duplicates} 篇`}；内置提法 {status.phrases} 条。
          </>
        )}
        {status?.state === 'error' && <span className="status-error">{status.message}</span>}
        {status?.message && status.state === 'ready' && <div className="muted">{status.message}</div>}
        {status && status.failed.length > 0 && (
          <details>
            <summary>{status.failed.length} 个文件无法读取</summary>
            <ul>
              {status.failed.map((f) => (
                <li key={f.path}>
                  {f.path}：{f.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <button type="button" data-testid="corpus-rebuild" onClick={() => api.rebuildCorpusIndex().catch(reportError)}>
        重新建立索引
      </button>
    </div>
  );
}
