/**
 * The 校对 panel posts its worker only the paragraphs changed since the last check
 * (renderer/editor/proofread/documentMirror.ts); the worker checks its whole copy. The findings
 * must be those of a full check of the document as it is — including the rules that look across
 * paragraphs: the numbering sequence, the 附件说明 lines the anatomy finds under "附件：", the
 * 文种 the title gives (a 请示's 主送), and a suspected typo written twice being a term.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/model/document';
import { Proofreader, proofreadDocument, type DocFinding } from '../../../shared/proofread';
import { BlockModels } from '../../../renderer/editor/blockModels';
import { ChangeFeed, DocumentMirror } from '../../../renderer/editor/proofread/documentMirror';
import { $isWgParagraphNode, type WgParagraphNode } from '../../../renderer/editor/nodes/WgParagraphNode';
import { headlessEditor, load, read, undo } from './editorHarness';

let editor: LexicalEditor;
let models: BlockModels;
let feed: ChangeFeed;
let mirror: DocumentMirror;
/** The worker's proofreader: its per-paragraph cache lives across checks, as in the worker. */
let proofreader: Proofreader;
let posted: number[];

beforeEach(() => {
  editor = headlessEditor(true);
  models = new BlockModels(editor);
  feed = new ChangeFeed();
  mirror = new DocumentMirror();
  proofreader = new Proofreader();
  posted = [];
});
afterEach(() => models.dispose());

const brief = (f: DocFinding) => `${f.block}:${f.rule}:${f.text}`;

/** One check as the panel and the worker make it, compared with a full check of the document. */
function check(): string[] {
  const changes = feed.next(models.read());
  posted.push(changes.blocks.length);
  const copy = mirror.apply(changes);
  expect(copy).not.toBeNull();
  const incremental = proofreadDocument(copy!, proofreader).map(brief);
  expect(incremental).toEqual(proofreadDocument(read(editor), new Proofreader()).map(brief));
  return incremental;
}

const paragraphs = () => $blocks().filter($isWgParagraphNode) as WgParagraphNode[];

/** Replaces the text of the paragraph that now reads `from`. */
function retype(from: string, to: string): void {
  editor.update(
    () => {
      const p = paragraphs().find((n) => n.getTextContent() === from);
      if (!p) throw new Error(`no paragraph “${from}”`);
      p.select(0, p.getChildrenSize()).insertText(to);
    },
    { discrete: true },
  );
}

const at = (findings: string[], rule: string) => findings.filter((f) => f.includes(`:${rule}`));

describe('校对 on the changed paragraphs only', () => {
  it('keeps the cross-paragraph findings of a full check', async () => {
    const lines = [
      '关于做好年度考核工作的通知',
      '市委、市政府：',
      '一、总体要求',
      '坚持稳中求进，选拨优秀干部。',
      '二、主要任务',
      '抓好落实。',
      '三、工作要求',
      '按时完成。',
      '附件：1.考核表',
      '2.汇总表',
      '某市人民政府办公室',
      '2026年1月5日',
    ];
    load(editor, { meta: {}, blocks: lines.map((t) => paragraph(t)) });
    let found = check();
    expect(posted).toEqual([lines.length]);
    expect(at(found, 'numbering')).toEqual([]);
    expect(at(found, 'request-one-superior')).toEqual([]);
    const typo = at(found, 'typo');
    expect(typo.length).toBe(1);

    // A heading renumbered: the sequence is wrong, found on that heading (one paragraph posted).
    retype('二、主要任务', '四、主要任务');
    found = check();
    expect(posted.at(-1)).toBe(1);
    expect(at(found, 'numbering').length).toBeGreaterThan(0);
    await undo(editor);
    found = check();
    expect(at(found, 'numbering')).toEqual([]);

    // The title says 请示: its 主送 to two superiors is reported in another paragraph.
    retype('关于做好年度考核工作的通知', '关于做好年度考核工作的请示');
    found = check();
    expect(posted.at(-1)).toBe(1);
    expect(at(found, 'request-one-superior')).toEqual(['1:request-one-superior:市委、市政府：']);

    // A 附件说明 line under "附件：" ending with 。 (the anatomy finds the part across paragraphs).
    retype('2.汇总表', '2.汇总表。');
    found = check();
    expect(at(found, 'attachment-punct')).toEqual(['9:attachment-punct:。']);

    // The suspected typo written again in another paragraph is a term: neither is reported.
    retype('按时完成。', '按时完成选拨。');
    found = check();
    expect(at(found, 'typo')).toEqual([]);
    retype('按时完成选拨。', '按时完成。');
    found = check();
    expect(at(found, 'typo')).toEqual(typo);

    // Paragraphs split and joined: the findings follow their paragraphs.
    editor.update(
      () => {
        const p = paragraphs()[5]!;
        p.selectEnd();
        p.select(2, 2).insertParagraph();
      },
      { discrete: true },
    );
    check();
    editor.update(() => void paragraphs()[6]!.selectStart().deleteCharacter(true), { discrete: true });
    check();
    expect(posted.slice(1).every((n) => n <= 3)).toBe(true);
  });

  it('sends everything again when the worker lost its copy', () => {
    load(editor, { meta: {}, blocks: ['一、总体要求', '坚持稳中求进。'].map((t) => paragraph(t)) });
    check();
    // A new worker (the old one failed) holds nothing: an incremental post is refused…
    mirror = new DocumentMirror();
    retype('坚持稳中求进。', '坚持稳中求进，其它工作同步推进。');
    expect(mirror.apply(feed.next(models.read()))).toBeNull();
    // …and after the reset everything goes.
    feed.reset();
    retype('一、总体要求', '一、总体目标');
    const found = check();
    expect(posted.at(-1)).toBe(2);
    expect(found.filter((f) => f.endsWith(':其它'))).toHaveLength(1);
  });
});
