/**
 * Runs the live outline (OutlineEngine) for the editor, whether or not the sidebar is shown,
 * and registers the outline commands: promote, demote, move up/down (Word's Alt+Shift+arrows),
 * renumber. They act on the heading selected in the sidebar when it has the focus, else on the
 * heading the caret is in.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { useCommands } from '../../app/commands';
import { notify } from '../../app/dialogs';
import { createStore } from '../../app/store';
import { syncSelectionFromDom } from '../selectionSync';
import { OutlineEngine } from './engine';
import { registerHeadingStyles } from './headingStyles';

export const outlineEngineStore = createStore<OutlineEngine | null>(null);

/** The heading key of the sidebar item that has the focus, if any. */
function focusedOutlineKey(): string | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el.closest('[data-testid=outline]') ? (el.closest<HTMLElement>('[data-outline-key]')?.dataset.outlineKey ?? null) : null;
}

function onSection(act: (engine: OutlineEngine, key: string) => string | null): void {
  const engine = outlineEngineStore.get();
  if (!engine) return;
  syncSelectionFromDom(engine.editor);
  const key = focusedOutlineKey() ?? engine.headingAtCaret();
  if (!key) {
    notify('请把光标放在标题中，或在“文档结构”中选中一节。', 'info');
    return;
  }
  const reason = act(engine, key);
  if (reason) notify(reason, 'info');
}

export function OutlinePlugin({ autoRenumber }: { autoRenumber: boolean }) {
  const [editor] = useLexicalComposerContext();
  const auto = useRef(autoRenumber);
  auto.current = autoRenumber;

  useEffect(() => {
    const engine = new OutlineEngine(editor);
    engine.autoRenumber = auto.current;
    const off = engine.register();
    const offStyles = registerHeadingStyles(editor);
    outlineEngineStore.set(engine);
    return () => {
      offStyles();
      off();
      if (outlineEngineStore.get() === engine) outlineEngineStore.set(null);
    };
  }, [editor]);

  useEffect(() => {
    const engine = outlineEngineStore.get();
    if (engine) engine.autoRenumber = autoRenumber;
  }, [autoRenumber]);

  useCommands(
    {
      'outline.promote': () => onSection((e, k) => e.shift(k, -1)),
      'outline.demote': () => onSection((e, k) => e.shift(k, 1)),
      'outline.moveUp': () => onSection((e, k) => e.moveBy(k, -1)),
      'outline.moveDown': () => onSection((e, k) => e.moveBy(k, 1)),
      'outline.renumber': () => {
        const n = outlineEngineStore.get()?.renumber() ?? 0;
        notify(n > 0 ? `已重新编号 ${n} 处。` : '编号都已连续，无需重新编号。', 'info');
      },
    },
    [editor],
  );
  return null;
}
