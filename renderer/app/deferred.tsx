/**
 * Panes the first keystroke does not need (文档结构, 校对) come after the editor: their code is a
 * chunk of its own (React.lazy), asked for once the page has painted the editor, so the first
 * frame parses, runs, styles and lays out less. Until a pane is there, its fallback keeps its
 * place in the layout, so nothing moves when it arrives.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { afterPaint } from '../editor/status';

let painted = false;

/** False until the page has painted once with the app in it; true from then on (for good). */
function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    // A window not shown yet may get no animation frames: then the panes come a moment later anyway.
    const publish = afterPaint(
      () => {
        painted = true;
        setDone(true);
      },
      { noFrameMs: 300 },
    );
    publish.schedule();
    return () => publish.cancel();
  }, [done]);
  return done;
}

/** Renders `children` (lazy components) once the editor has been painted; `fallback` until they are there. */
export function AfterEditor({ fallback = null, children }: { fallback?: ReactNode; children: ReactNode }) {
  return useAfterFirstPaint() ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
