/**
 * Section breaks of a .docx shown as breaks: the paragraph that ends a section gets a
 * "分节符（下一页）" / "分节符（连续）"… line under it, as Word shows its formatting marks. The
 * mark is a DOM attribute drawn by CSS (never in the editor state, the undo history or the
 * model), so showing it cannot change what a save writes; the break itself lives in the
 * paragraph's Word properties, which the faithful writer keeps.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORIC_TAG } from 'lexical';
import { useEffect, useMemo } from 'react';
import { sectionBreakLabel } from '../../../shared/model/stories';
import { useStore } from '../../app/store';
import { $sectionBreakKeys } from './anchors';
import { storiesStore } from './storiesStore';

export const SECTION_BREAK_ATTRIBUTE = 'data-section-break';

export function SectionBreakPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const { stories } = useStore(storiesStore);
  const breaks = useMemo(() => {
    const m = new Map<number, string>();
    stories?.sections.forEach((s, i) => {
      if (s.endsAt !== undefined) m.set(s.endsAt, sectionBreakLabel(stories, i));
    });
    return m;
  }, [stories]);

  useEffect(() => {
    let marked = new Map<string, HTMLElement>();
    const mark = () => {
      const keys = editor.getEditorState().read(() => $sectionBreakKeys(breaks));
      const next = new Map<string, HTMLElement>();
      for (const [key, label] of keys) {
        const el = editor.getElementByKey(key);
        if (!el) continue;
        if (el.getAttribute(SECTION_BREAK_ATTRIBUTE) !== label) el.setAttribute(SECTION_BREAK_ATTRIBUTE, label);
        next.set(key, el);
      }
      for (const [key, el] of marked) if (next.get(key) !== el) el.removeAttribute(SECTION_BREAK_ATTRIBUTE);
      marked = next;
    };
    mark();
    if (breaks.size === 0) return () => {};
    // Typing in a paragraph marks it and its parents dirty only in passing: the paragraphs that
    // end sections change only when the root's children do (Enter, Backspace, a move, a load, a
    // whole state set by undo) or a marked paragraph itself is rewritten.
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // Undo, redo and setEditorState swap the whole state and report no dirty node but the root.
      let changed = tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root'));
      for (const [key, intentional] of dirtyElements) {
        if (intentional && (key === 'root' || marked.has(key))) {
          changed = true;
          break;
        }
      }
      if (changed) mark();
    });
    return () => {
      off();
      for (const el of marked.values()) el.removeAttribute(SECTION_BREAK_ATTRIBUTE);
    };
  }, [editor, breaks]);
  return null;
}
