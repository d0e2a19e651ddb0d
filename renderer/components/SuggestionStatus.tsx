/** Status bar: 输入提示 on/off, and indexing progress of the corpus. */
import { runCommand } from '../app/commands';
import { useStore } from '../app/store';
import { corpusStatusStore } from '../editor/suggest/suggestStore';

export function SuggestionStatus({ enabled, onToggle }: { enabled: boolean; onToggle: () => void }) {
  const status = useStore(corpusStatusStore);
  const indexing = status?.state === 'indexing';
  return (
    <>
      {indexing && (
        <button type="button" className="status-button corpus-progress" data-testid="corpus-progress" title="素材库" onClick={() => void runCommand('tools.corpus')}>
          <span>{status.phase || '正在建立素材索引'}</span>
          <progress max={1} value={status.progress} />
        </button>
      )}
      {status?.state === 'error' && (
        <button type="button" className="status-button status-error" onClick={() => void runCommand('tools.corpus')} title={status.message}>
          素材索引出错
        </button>
      )}
      <button
        type="button"
        className="status-button"
        data-testid="status-suggestions"
        aria-pressed={enabled}
        title="输入提示：根据素材库和内置提法库续写（Tab 接受，Esc 忽略，Alt+/ 查看更多）"
        onClick={onToggle}
      >
        {enabled ? '输入提示：开' : '输入提示：关'}
      </button>
    </>
  );
}

/** Toolbar buttons for the corpus: 素材库 (settings) and 清理素材 (on the open document). */
export function CorpusTools() {
  return (
    <>
      <span className="tool-sep" />
      <button type="button" className="tool tool-text" data-testid="tool-corpus" title="素材库与输入提示" onMouseDown={(e) => e.preventDefault()} onClick={() => void runCommand('tools.corpus')}>
        素材库
      </button>
      <button
        type="button"
        className="tool tool-text"
        data-testid="tool-clean"
        title="清理素材：删除推广信息、来源标注、网页标记、页码和乱码（可撤销）"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void runCommand('tools.cleanDocument')}
      >
        清理素材
      </button>
    </>
  );
}
