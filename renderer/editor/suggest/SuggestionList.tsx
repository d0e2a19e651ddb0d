/** The Alt+/ list: up to five continuations with their source document; ↑↓ choose, Enter or Tab inserts, Esc closes. */
import { SLOT } from '../../../shared/corpus/slots';
import { useStore } from '../../app/store';
import { acceptFromList } from './SuggestionPlugin';
import { suggestionListStore } from './suggestStore';

function Continuation({ text }: { text: string }) {
  const parts = text.split(SLOT);
  return (
    <span className="suggestion-text">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && <span className="suggestion-slot" title="待填写">××</span>}
          {p}
        </span>
      ))}
    </span>
  );
}

export function SuggestionList() {
  const list = useStore(suggestionListStore);
  if (!list) return null;
  return (
    <div className="suggestion-list" data-testid="suggestion-list" role="listbox" aria-label="输入提示" style={{ left: list.x, top: list.y }}>
      {list.items.map((s, i) => (
        <div
          key={`${i}:${s.text}`}
          role="option"
          aria-selected={i === list.selected}
          className={i === list.selected ? 'suggestion-item selected' : 'suggestion-item'}
          data-testid="suggestion-item"
          onMouseDown={(e) => {
            e.preventDefault();
            acceptFromList(i);
          }}
        >
          <Continuation text={s.text} />
          <span className="suggestion-source">
            {s.documents} 篇 · {s.source}
          </span>
        </div>
      ))}
      <div className="suggestion-hint">↑↓ 选择 · Enter/Tab 插入 · Esc 关闭</div>
    </div>
  );
}
