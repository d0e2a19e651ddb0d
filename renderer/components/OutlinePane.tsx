/** The left pane reserved for the document outline (文档结构). */
import type { ReactNode } from 'react';

export function OutlinePane({ children }: { children?: ReactNode }) {
  return (
    <aside className="outline-pane" data-testid="outline" aria-label="文档结构">
      <div className="pane-title">文档结构</div>
      <div className="outline-body">{children ?? <p className="pane-empty">文档中的 一、（一）1.（1） 标题将显示在这里。</p>}</div>
    </aside>
  );
}
