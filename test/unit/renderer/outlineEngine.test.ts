/**
 * The live outline in a headless editor with undo history: incremental updates, moves and level
 * changes as one undo step, renumbering after typed headings, IME compositions, checker fixes.
 */
import { $blockOf, $blocks } from '../../../renderer/editor/blocks';
import path from 'node:path';
import { $createTextNode, $getSelection, $isRangeSelection, $setCompositionKey, UNDO_COMMAND, type LexicalEditor, type TextNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { paragraph, paragraphText, type WgDocument } from '../../../shared/model/document';
import { loadDocument } from '../../../renderer/editor/load';
import { OutlineEngine } from '../../../renderer/editor/outline/engine';
import { outlineViewStore, sectionCounts, typedTitles } from '../../../renderer/editor/outline/outlineStore';
import { $createWgParagraphNode, type WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import { SyncMessageChannel, headlessEditor, read } from './editorHarness';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

let editor: LexicalEditor;
let engine: OutlineEngine;
let off: () => void;

beforeEach(() => {
  // Frames run as soon as the event loop is free; the test knows which are still to come.
  frames.clear();
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => {
    const h = setTimeout(() => {
      frames.delete(h);
      fn();
    }, 0);
    frames.add(h);
    return h;
  });
  vi.stubGlobal('cancelAnimationFrame', (h: ReturnType<typeof setTimeout>) => {
    frames.delete(h);
    clearTimeout(h);
  });
  vi.stubGlobal('MessageChannel', SyncMessageChannel);
  editor = headlessEditor(true);
  engine = new OutlineEngine(editor);
  off = engine.register();
});

afterEach(() => {
  off();
  vi.unstubAllGlobals();
});

const frames = new Set<ReturnType<typeof setTimeout>>();

/** Until the updates are committed and every frame they asked for has run (nothing left to publish). */
async function tick(): Promise<void> {
  do await new Promise((r) => setImmediate(r));
  while (frames.size > 0);
}

/** Until the outline published a view that passes `test` (the checker runs once the structure is still). */
function viewWhere(test: (view: ReturnType<typeof outlineViewStore.get>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(outlineViewStore.get())) return resolve();
    const off = outlineViewStore.subscribe(() => {
      if (!test(outlineViewStore.get())) return;
      off();
      resolve();
    });
  });
}

async function open(rel: string): Promise<WgDocument> {
  const { doc } = await readDocumentFile(path.join(CORPUS, rel));
  loadDocument(editor, doc);
  await tick();
  return doc;
}

function texts(): string[] {
  return read(editor).blocks.map((b) => (b.type === 'paragraph' ? paragraphText(b) : '<table>'));
}

function headings(): string[] {
  return outlineViewStore.get().items.filter((i) => i.kind !== 'suggestion').map((i) => `${'  '.repeat(i.depth)}${i.number}${i.title}`);
}

const keyOf = (prefix: string) => outlineViewStore.get().items.find((i) => `${i.number}${i.title}`.startsWith(prefix))!.key;

async function undo() {
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  await tick();
}

/** Types at the caret in a paragraph (its end unless the caret is already in it). */
function typeAt(blockIndex: number, text: string) {
  editor.update(
    () => {
      const p = $blocks()[blockIndex] as WgParagraphNode;
      const sel = $getSelection();
      const inside = $isRangeSelection(sel) && $blockOf(sel.anchor.getNode())?.is(p);
      (inside ? sel : p.selectEnd()).insertText(text);
    },
    { discrete: true },
  );
}

/** Types into a paragraph as a user would: an update without tags. */
function typeAtEnd(blockIndex: number, text: string) {
  editor.update(
    () => {
      const p = $blocks()[blockIndex]!;
      p.selectEnd().insertText(text);
    },
    { discrete: true },
  );
}

describe('outline engine', () => {
  it('shows the outline of a loaded document with section counts', async () => {
    await open('seeds/004_9342abefdd77c34e.txt');
    expect(headings()).toEqual([
      '党组书记抓党建工作报告',
      '  一、上年度整改情况',
      '  二、主要工作情况',
      '    （一）学习入脑入心入行，成果深化内化转化',
      '    （二）服务用心用情用力，方法出新创新革新',
      '    （三）活动常办常新常态，资源互通互鉴互融',
      '    （四）支部建大建优建强，管理越专越精越好',
      '    （五）治党从细从严从实，党风更清更廉更正',
      '  三、存在不足',
      '  四、下一步措施',
    ]);
    expect(sectionCounts.get(keyOf('三、存在不足'))).toBe(199);
  });

  it('updates counts without rebuilding the tree when body text is typed', async () => {
    await open('seeds/004_9342abefdd77c34e.txt');
    const view = outlineViewStore.get();
    const section = keyOf('三、存在不足');
    const title = keyOf('党组书记');
    const before = [sectionCounts.get(section)!, sectionCounts.get(title)!];
    typeAtEnd(14, '还要加强学习'); // line 15: the body of 三、
    await tick();
    expect(outlineViewStore.get()).toBe(view); // same object: no re-render
    expect([sectionCounts.get(section), sectionCounts.get(title)]).toEqual([before[0]! + 6, before[1]! + 6]);
  });

  it('updates a title being typed without rebuilding the tree', async () => {
    await open('seeds/004_9342abefdd77c34e.txt');
    const view = outlineViewStore.get();
    const key = keyOf('三、存在不足');
    typeAtEnd(13, '和差距'); // 三、存在不足 (line 14)
    typeAtEnd(0, '（2023年）'); // the title line
    await tick();
    expect(outlineViewStore.get()).toBe(view);
    expect(typedTitles.get(key)).toBe('存在不足和差距');
    expect(typedTitles.get(keyOf('党组书记'))).toBe('党组书记抓党建工作报告（2023年）');
    expect(headings()[8]).toBe('  三、存在不足和差距'); // the items the tree renders from next time
    // Body text run into the heading is more than a title change: the checker gets a look.
    typeAtEnd(13, '。我们要加强学习。');
    await viewWhere((v) => v.items.some((i) => i.key === key && i.problems.length > 0));
    expect(outlineViewStore.get()).not.toBe(view);
    expect(outlineViewStore.get().items.find((i) => i.key === key)!.problems.map((p) => p.kind)).toEqual(['run-in-level1']);
  });

  it('does not rebuild while typing in a long numbered line that is no heading', async () => {
    const long = (n: number) => `${n}.对落实有关重大政策措施成效明显、创造典型经验做法且受到国务院督查表扬的市（地、州、盟）、县（市、区、旗），在下一年度国务院组织的有关实地督查中实行“免督查”。`;
    loadDocument(editor, { meta: {}, blocks: ['一、总体要求', '（一）指导思想', long(1), long(2), long(3), '（二）基本原则', '二、工作任务'].map((t) => paragraph(t)) });
    await tick();
    expect(headings()).toEqual(['一、总体要求', '  （一）指导思想', '  （二）基本原则', '二、工作任务']);
    const view = outlineViewStore.get();
    const changed: string[][] = [];
    const offCounts = sectionCounts.subscribe((keys) => changed.push([...keys]));
    editor.update(
      () => {
        const first = ($blocks()[3] as WgParagraphNode).getFirstChild<TextNode>()!;
        first.setTextContent(first.getTextContent().replace('对落实', '对认真落实'));
      },
      { discrete: true },
    );
    await tick();
    offCounts();
    expect(outlineViewStore.get()).toBe(view);
    // Only the counts of （一） and 一、 changed: no rebuild (which resets every count).
    expect(changed).toEqual([[keyOf('（一）指导思想'), keyOf('一、总体要求')]]);
  });

  it('moves a section and renumbers as one undo step', async () => {
    await open('seeds/002_182f94ccda9023a4.txt');
    const original = texts();
    expect(engine.move(keyOf('（四）注重'), keyOf('（一）把稳'), 'before')).toBeNull();
    await tick();
    expect(texts().slice(3, 7).map((t) => t.slice(0, 13))).toEqual(['（一）注重整治实效，在“改', '（二）把稳思想之舵，在“带', '（三）夯实基层基础，在“质', '（四）锻造清正之风，在“严']);
    expect(headings()[1]).toBe('  （一）注重整治实效，在“改”上下真功');
    await undo();
    expect(texts()).toEqual(original);
    expect(headings()[1]).toBe('  （一）把稳思想之舵，在“带”上用真心');
  });

  it('promotes and demotes with subheadings, one undo step each', async () => {
    await open('seeds/002_182f94ccda9023a4.txt');
    const original = texts();
    expect(engine.shift(keyOf('三、敢于'), 1)).toBeNull();
    await tick();
    expect(texts()[10]).toBe('（一）敢于刀刃向内，务实抓好整改提升');
    expect(texts()[12]!.startsWith('1.持续深化理论武装')).toBe(true);
    expect(engine.shift(keyOf('（一）敢于'), -1)).toBeNull();
    await tick();
    expect(texts()).toEqual(original);
    await undo();
    await undo();
    expect(texts()).toEqual(original);
    expect(engine.shift(keyOf('一、认真'), -1)).toBe('一级标题不能再升级。');
  });

  it('renumbers after a heading is typed in, merged into the typing’s undo step', async () => {
    await open('seeds/000_40f08a2d6707e5f7.txt');
    const original = texts();
    // A new paragraph "二、…" typed after 一、's body (line 4).
    editor.update(
      () => {
        const p = $createWgParagraphNode();
        p.append($createTextNode('二、新增的一节'));
        $blocks()[3]!.insertAfter(p);
      },
      { discrete: true },
    );
    await tick();
    expect(texts().filter((t) => /^[一二三四]、/.test(t)).map((t) => t.slice(0, 4))).toEqual(['一、抓牢', '二、新增', '三、深耕', '四、守好']);
    await undo();
    expect(texts()).toEqual(original);
  });

  it('waits for a typed number to become a heading before renumbering around it', async () => {
    loadDocument(editor, { meta: {}, blocks: ['一、总体要求', '正文。', '1.坚持公益性', '2.坚持属地化'].map((t) => paragraph(t)) });
    await tick();
    // "3.5万元…" typed at the start of the body paragraph above 1. and 2., key by key: "3." must
    // not be renumbered to "1." on the way.
    editor.update(() => $blocks()[1]!.selectStart(), { discrete: true });
    for (const ch of '3.5万元用于补助，') {
      typeAt(1, ch);
      await tick();
    }
    expect(texts()).toEqual(['一、总体要求', '3.5万元用于补助，正文。', '1.坚持公益性', '2.坚持属地化']);
    // A heading typed in the middle: renumbered once it has a title.
    editor.update(
      () => {
        const p = $createWgParagraphNode();
        $blocks()[0]!.insertAfter(p);
        p.select();
      },
      { discrete: true },
    );
    for (const ch of '1.加强领导') {
      typeAt(1, ch);
      await tick();
    }
    expect(texts()).toEqual(['一、总体要求', '1.加强领导', '3.5万元用于补助，正文。', '2.坚持公益性', '3.坚持属地化']);
  });

  it('renumbers after a heading is deleted, and not when auto-renumbering is off', async () => {
    await open('seeds/000_40f08a2d6707e5f7.txt');
    editor.update(() => $blocks()[4]!.remove(), { discrete: true }); // 二、深耕…
    await tick();
    expect(texts()[5]!.startsWith('二、守好')).toBe(true);
    engine.autoRenumber = false;
    editor.update(() => $blocks()[2]!.remove(), { discrete: true }); // 一、抓牢…
    await tick();
    expect(texts()[4]!.startsWith('二、守好')).toBe(true);
    expect(texts().filter((t) => /^[一二三]、/.test(t))).toHaveLength(1);
  });

  it('leaves pasted or loaded numbering alone', async () => {
    await open('gov/gov-009.txt'); // 1.–55. straight through the attachment's groups
    const loaded = texts();
    expect(loaded).toContain('8.手术患者并发症发生率▲');
    editor.update(() => $blocks()[0]!.selectEnd().insertText('（修订）'), { discrete: true });
    await tick();
    expect(texts().filter((t, i) => t !== loaded[i])).toEqual(['国务院办公厅关于加强（修订）']);
  });

  it('does nothing while an IME composition is open, and catches up when it ends', async () => {
    await open('seeds/000_40f08a2d6707e5f7.txt');
    const view = outlineViewStore.get();
    editor.update(
      () => {
        const p = ($blocks()[2] as WgParagraphNode); // 一、抓牢…
        const t = p.getFirstChild()!;
        $setCompositionKey(t.getKey());
        p.selectEnd().insertText('zhong');
      },
      { discrete: true },
    );
    await tick();
    expect(editor.isComposing()).toBe(true);
    expect(outlineViewStore.get()).toBe(view);
    editor.update(
      () => {
        const t = ($blocks()[2] as WgParagraphNode).getFirstChild<TextNode>()!;
        t.setTextContent(t.getTextContent().replace(/zhong$/, '重'));
        $setCompositionKey(null);
      },
      { discrete: true },
    );
    await tick();
    expect(headings()[0]).toBe('一、抓牢党建“方向盘”，凝神聚力引领发展重');
  });

  it('applies checker fixes from the sidebar as one undo step each', async () => {
    loadDocument(editor, { meta: {}, blocks: ['一、总体要求', '(一)指导思想', '（三）基本原则', '二、牢固树立“安全第一”思想。煤矿安全生产事关人民群众的生命财产安全。'].map((t) => paragraph(t)) });
    await viewWhere((v) => v.problemCount >= 3); // problems are checked once the structure is still
    const kinds = outlineViewStore.get().items.flatMap((i) => i.problems.map((p) => p.kind));
    expect(kinds.sort()).toEqual(['half-width-brackets', 'run-in-level1', 'skipped']);
    expect(engine.fix(keyOf('(一)'), 'half-width-brackets')).toBeNull();
    expect(engine.fix(keyOf('（三）'), 'skipped')).toBeNull();
    expect(engine.fix(keyOf('二、牢固'), 'run-in-level1')).toBeNull();
    await tick();
    expect(texts()).toEqual(['一、总体要求', '（一）指导思想', '（二）基本原则', '二、牢固树立“安全第一”思想', '煤矿安全生产事关人民群众的生命财产安全。']);
    expect(read(editor).blocks[4]).toMatchObject({ align: 'justify', indent: { firstLineChars: 2 } });
    await undo();
    expect(texts()[3]).toBe('二、牢固树立“安全第一”思想。煤矿安全生产事关人民群众的生命财产安全。');
  });

  it('joins a bare number with its title line', async () => {
    loadDocument(editor, { meta: {}, blocks: ['一、医疗质量', '（一）功能定位', '（二）', '质量安全', '正文。'].map((t) => paragraph(t)) });
    await tick();
    expect(engine.fix(keyOf('（二）'), 'detached-title')).toBeNull();
    expect(texts()).toEqual(['一、医疗质量', '（一）功能定位', '（二）质量安全', '正文。']);
  });

  it('offers parallel leads as headings and promotes one on request', async () => {
    await open('seeds/003_cc503eda10b51707.txt');
    const suggestions = outlineViewStore.get().items.filter((i) => i.kind === 'suggestion');
    expect(suggestions.map((s) => s.title)).toEqual(['深植“根须”，牢固夯实党在农村的执政根基', '拓宽“叶脉”，优化提升党建引领网格化服务管理效能', '培育“花朵”，持续打造“最活跃地带”亮丽风景']);
    expect(read(editor).blocks[2]).not.toHaveProperty('role'); // never silently
    engine.acceptSuggestion(suggestions[0]!.key);
    await tick();
    expect(read(editor).blocks[2]).toMatchObject({ role: 'heading1' });
    expect(headings()).toEqual(['深植“根须”，牢固夯实党在农村的执政根基']);
    engine.dismissSuggestion(suggestions[1]!.key);
    await tick();
    expect(outlineViewStore.get().items.filter((i) => i.kind === 'suggestion').map((s) => s.title)).toEqual(['培育“花朵”，持续打造“最活跃地带”亮丽风景']);
  });
});
