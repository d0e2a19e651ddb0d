/**
 * Shows every paragraph as the 公文 export will set it: its part from the anatomy (版头 elements,
 * the red 标志, the title and what stands under it, the flush-left 主送/称谓, 署名 and 日期 on the
 * right, 附件 label and title, 版记) and the headings the outline recognised (一级 黑体, 二级 楷体,
 * 三级 bold). DOM attributes on the paragraph (`data-part`, and `data-level` for the outline's
 * titles and headings), never editor state: they follow the anatomy and cost nothing while typing.
 * Run-in headings keep the body font (only their heading part takes the heading font in the
 * export, which one attribute cannot show).
 */
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import type { DocumentPart } from '../../../shared/model/parts';
import { WgParagraphNode } from '../nodes/WgParagraphNode';
import { outlineViewStore, partsViewStore, type OutlineView, type PartsView } from './outlineStore';

/** The `data-part` of each paragraph whose look differs from body text: the editor's look. */
export function editorParts(parts: PartsView): Map<string, DocumentPart> {
  const out = new Map<string, DocumentPart>();
  for (const [key, part] of parts.parts) if (!parts.runIn.has(key)) out.set(key, part);
  return out;
}

function desiredLevels(view: OutlineView): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of view.items) {
    if (item.kind === 'suggestion' || item.runIn) continue;
    out.set(item.key, String(item.level));
  }
  return out;
}

/** Keeps one data attribute of the paragraphs in line with a map of desired values. */
function attributeSync(editor: LexicalEditor, name: 'level' | 'part', desired: () => Map<string, string>) {
  let applied = new Map<string, string>();
  const apply = (key: string, value: string | undefined) => {
    const el = editor.getElementByKey(key);
    if (!el) return;
    if (value === undefined) delete el.dataset[name];
    else if (el.dataset[name] !== value) el.dataset[name] = value;
  };
  return {
    sync() {
      const next = desired();
      for (const key of applied.keys()) if (!next.has(key)) apply(key, undefined);
      for (const [key, value] of next) if (applied.get(key) !== value) apply(key, value);
      applied = next;
    },
    /** Lexical recreates a paragraph's element now and then: put the attribute back. */
    created(key: string) {
      if (applied.has(key)) apply(key, applied.get(key));
    },
    clear() {
      for (const key of applied.keys()) apply(key, undefined);
    },
  };
}

export function registerHeadingStyles(editor: LexicalEditor): () => void {
  const levels = attributeSync(editor, 'level', () => desiredLevels(outlineViewStore.get()));
  const parts = attributeSync(editor, 'part', () => editorParts(partsViewStore.get()));
  levels.sync();
  parts.sync();
  return mergeRegister(
    outlineViewStore.subscribe(() => levels.sync()),
    partsViewStore.subscribe(() => parts.sync()),
    editor.registerMutationListener(
      WgParagraphNode,
      (mutations) => {
        for (const [key, kind] of mutations) {
          if (kind !== 'created') continue;
          levels.created(key);
          parts.created(key);
        }
      },
      { skipInitialization: true },
    ),
    () => {
      levels.clear();
      parts.clear();
    },
  );
}
