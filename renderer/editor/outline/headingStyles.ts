/**
 * Shows the headings the outline recognised by their numbering in their 公文 fonts, as the
 * Word export will set them (一级 黑体, 二级 楷体, 三级 bold, the title large and centred), so what
 * the page shows is what the export gives. A DOM attribute (`data-level`) on the paragraph, never
 * editor state: it follows the outline and costs nothing while typing. Paragraphs with an explicit
 * role keep their role's look; run-in headings keep the body font (only their heading part takes
 * the heading font in the export, which one attribute cannot show).
 */
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { WgParagraphNode } from '../nodes/WgParagraphNode';
import { outlineViewStore, type OutlineView } from './outlineStore';

function desiredLevels(view: OutlineView): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of view.items) {
    if (item.kind === 'suggestion' || item.runIn) continue;
    out.set(item.key, String(item.level));
  }
  return out;
}

export function registerHeadingStyles(editor: LexicalEditor): () => void {
  let applied = new Map<string, string>();
  const apply = (key: string, level: string | undefined) => {
    const el = editor.getElementByKey(key);
    if (!el) return;
    if (level === undefined) delete el.dataset.level;
    else if (el.dataset.level !== level) el.dataset.level = level;
  };
  const sync = () => {
    const next = desiredLevels(outlineViewStore.get());
    for (const key of applied.keys()) if (!next.has(key)) apply(key, undefined);
    for (const [key, level] of next) if (applied.get(key) !== level) apply(key, level);
    applied = next;
  };
  sync();
  return mergeRegister(
    outlineViewStore.subscribe(sync),
    // Lexical recreates a paragraph's element now and then (e.g. after a node replacement):
    // put the attribute back on the new element.
    editor.registerMutationListener(
      WgParagraphNode,
      (mutations) => {
        for (const [key, kind] of mutations) {
          if (kind === 'created' && applied.has(key)) apply(key, applied.get(key));
        }
      },
      { skipInitialization: true },
    ),
    () => {
      for (const key of applied.keys()) apply(key, undefined);
    },
  );
}
