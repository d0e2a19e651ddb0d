/**
 * Structural edits on sections, planned on the outline (block indices), carried out by the
 * editor: moving a section (heading, body and subsections) before, after or into another, and
 * promoting or demoting a heading together with its subheadings, as Word's navigation pane does.
 */
import { isHeadingRole, type ParagraphRole } from '../model/document';
import { describeParagraph, type BlockInfo } from './blocks';
import type { HeadingLevel } from './levels';
import { buildOutline, subtreeOf, type Outline } from './outline';
import { continuousChainsOf, documentStyles, numberingSequences, renumberAfterEdit, restyleEdit, snapshotSequences, type TextEdit } from './renumber';

export type DropPosition = 'before' | 'after' | 'inside';

export interface LevelChange {
  entry: number;
  level: HeadingLevel;
}

export interface MovePlan {
  /** The blocks to move: [start, end). */
  start: number;
  end: number;
  /** The block to insert before (in the current numbering), or blockCount for the end. */
  insertAt: number;
  /** New levels of the moved headings, when the move changes their depth. */
  changes: LevelChange[];
}

export type Planned<T> = { ok: true; plan: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function shiftChanges(outline: Outline, id: number, delta: number): Planned<LevelChange[]> {
  const subtree = subtreeOf(outline, id);
  const changes: LevelChange[] = [];
  for (const e of subtree) {
    const level = e.level + delta;
    if (level < 1) return fail('一级标题不能再升级。');
    if (level > 4) return fail(e.id === id ? '四级标题不能再降级。' : '下级标题已到四级，不能再降级。');
    if (delta !== 0) changes.push({ entry: e.id, level: level as HeadingLevel });
  }
  return { ok: true, plan: changes };
}

/**
 * Promote (negative delta) or demote headings by `delta` levels, each with every heading in its
 * section (Word's navigation pane does the same). −1/+1 for the buttons and Tab; more to mend a
 * level jump.
 */
export function planShift(outline: Outline, ids: number | readonly number[], delta: number): Planned<LevelChange[]> {
  const changes: LevelChange[] = [];
  const seen = new Set<number>();
  for (const id of typeof ids === 'number' ? [ids] : ids) {
    const e = outline.entries[id];
    if (!e || e.level === 0) return fail('标题（文档名称）没有层级。');
    if (seen.has(id)) continue;
    const planned = shiftChanges(outline, id, delta);
    if (!planned.ok) return planned;
    for (const c of planned.plan) {
      seen.add(c.entry);
      changes.push(c);
    }
  }
  return { ok: true, plan: changes };
}

/**
 * Move section `id` before or after section `target` (taking its level) or inside it (as its
 * last subsection, one level deeper). A title only accepts sections inside it (after its last
 * section) or after it (as its first section).
 */
export function planMove(outline: Outline, id: number, target: number, position: DropPosition): Planned<MovePlan> | null {
  const src = outline.entries[id];
  const tgt = outline.entries[target];
  if (!src || !tgt) return fail('找不到要移动的章节。');
  if (src.level === 0) return fail('标题（文档名称）不能移动。');
  if (tgt.block >= src.block && tgt.block < src.end) return fail('不能把章节移到它自己里面。');
  let insertAt: number;
  let level: number;
  if (tgt.level === 0) {
    if (position === 'before') return fail('不能移到标题之前。');
    level = 1;
    const first = tgt.children.find((c) => c !== id);
    insertAt = position === 'after' && first !== undefined ? outline.entries[first]!.block : tgt.contentEnd;
    if (position === 'inside') {
      const last = tgt.children[tgt.children.length - 1];
      insertAt = last !== undefined ? outline.entries[last]!.end : tgt.contentEnd;
    }
  } else if (position === 'inside') {
    level = tgt.level + 1;
    insertAt = tgt.end;
  } else {
    level = tgt.level;
    insertAt = position === 'before' ? tgt.block : tgt.end;
  }
  const changes = shiftChanges(outline, id, level - src.level);
  if (!changes.ok) return changes;
  if ((insertAt === src.block || insertAt === src.end) && changes.plan.length === 0) return null;
  return { ok: true, plan: { start: src.block, end: src.end, insertAt, changes: changes.plan } };
}

/** Move a section above its previous or below its next sibling (Alt+Shift+↑/↓). */
export function planMoveBy(outline: Outline, id: number, direction: -1 | 1): Planned<MovePlan> {
  const e = outline.entries[id];
  if (!e || e.level === 0) return fail('标题（文档名称）不能移动。');
  const siblings = e.parent >= 0 ? outline.entries[e.parent]!.children : outline.roots;
  const i = siblings.indexOf(id);
  const other = siblings[i + direction];
  if (other === undefined || outline.entries[other]!.level === 0) return fail(direction < 0 ? '已经是第一节。' : '已经是最后一节。');
  const o = outline.entries[other]!;
  return { ok: true, plan: { start: e.block, end: e.end, insertAt: direction < 0 ? o.block : o.end, changes: [] } };
}

/** The block order after a move: old block indices in their new order. */
export function orderAfterMove(blockCount: number, plan: MovePlan): number[] {
  const moved: number[] = [];
  for (let i = plan.start; i < plan.end; i++) moved.push(i);
  const out: number[] = [];
  for (let i = 0; i <= blockCount; i++) {
    if (i === plan.insertAt) out.push(...moved);
    if (i < blockCount && (i < plan.start || i >= plan.end)) out.push(i);
  }
  return out;
}

export interface SectionEdit {
  /** Old block indices in their new order (the identity when nothing moves). */
  order: number[];
  /** New heading roles, by new block index, for headings styled by role that change level. */
  roles: Array<{ block: number; role: ParagraphRole }>;
  /** Number rewrites, by new block index, against each block's current text. */
  edits: TextEdit[];
}

/**
 * What a structural edit does to the text: the blocks' new order, the heading roles and numbers
 * that follow the new levels ("（三）" moved to level 1 becomes "三、"), and — with
 * `autoRenumber` — the renumbering of every sequence the edit changed, all to be applied as one
 * undoable step. `textOf` gives the current text of a block (only asked for headings that change
 * level); `ids` name blocks stably (editor node keys).
 */
export function planSectionEdit(
  infos: readonly BlockInfo[],
  ids: readonly string[],
  textOf: (block: number) => string,
  order: readonly number[],
  changes: readonly LevelChange[],
  autoRenumber: boolean,
): SectionEdit {
  const before = buildOutline(infos);
  const beforeSeqs = numberingSequences(before, ids);
  const snapshot = snapshotSequences(before, ids, beforeSeqs);
  const styles = documentStyles(before);
  const newIndex = new Map(order.map((old, i) => [old, i]));

  const restyled = new Map<number, TextEdit>(); // by old block
  const roles: SectionEdit['roles'] = [];
  const changed = new Map<number, BlockInfo>(); // by old block
  for (const { entry, level } of changes) {
    const e = before.entries[entry]!;
    const info = infos[e.block]!;
    let text = textOf(e.block);
    const edit = restyleEdit(e, level, styles);
    if (edit) {
      restyled.set(e.block, edit);
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    let role = info.role;
    if (isHeadingRole(role)) {
      role = `heading${level}`;
      roles.push({ block: newIndex.get(e.block)!, role });
    }
    changed.set(e.block, describeParagraph(text, role, info.align));
  }

  const newInfos = order.map((old) => changed.get(old) ?? infos[old]!);
  const newIds = order.map((old) => ids[old]!);
  const after = buildOutline(newInfos);
  const renumbered = autoRenumber ? renumberAfterEdit(snapshot, after, newIds, numberingSequences(after, newIds, continuousChainsOf(beforeSeqs))) : [];

  // One edit per block, against its current text: a restyled number may be renumbered too.
  const edits = new Map<number, TextEdit>();
  for (const [old, edit] of restyled) {
    const block = newIndex.get(old)!;
    edits.set(block, { ...edit, block });
  }
  for (const r of renumbered) {
    const prior = edits.get(r.block);
    edits.set(r.block, prior ? { ...prior, text: r.text } : r);
  }
  return { order: [...order], roles, edits: [...edits.values()].sort((a, b) => a.block - b.block) };
}
