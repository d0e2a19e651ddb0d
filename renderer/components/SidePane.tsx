/**
 * The sidebar on the left: 文档结构 (the outline) and 页眉页脚与批注 as two tabs, as Word's
 * navigation pane has its tabs. The outline stays mounted while the other tab shows, so its
 * tree, scroll position and live counts are there when the user comes back.
 */
import { useState, type ReactNode } from 'react';
import { storiesCount } from '../../shared/model/stories';
import { useStore } from '../app/store';
import { StoriesPane } from '../editor/stories/StoriesPane';
import { storiesStore } from '../editor/stories/storiesStore';
import { Guard } from './Guard';

type SideTab = 'outline' | 'stories';

export function SidePane({ outline }: { outline: ReactNode }) {
  const [tab, setTab] = useState<SideTab>('outline');
  const { stories } = useStore(storiesStore);
  const count = stories ? storiesCount(stories) : 0;
  const tabButton = (id: SideTab, label: ReactNode) => (
    <button type="button" role="tab" aria-selected={tab === id} className={`side-tab${tab === id ? ' active' : ''}`} data-testid={`side-tab-${id}`} onClick={() => setTab(id)}>
      {label}
    </button>
  );
  return (
    <div className="side-pane">
      <div className="side-tabs" role="tablist">
        {tabButton('outline', '文档结构')}
        {tabButton(
          'stories',
          <>
            页眉页脚与批注{count > 0 && <span className="side-tab-count" data-testid="stories-count">{count}</span>}
          </>,
        )}
      </div>
      <div className="side-tab-body" hidden={tab !== 'outline'}>
        {outline}
      </div>
      {tab === 'stories' && (
        <Guard name="页眉页脚与批注">
          <StoriesPane />
        </Guard>
      )}
    </div>
  );
}
