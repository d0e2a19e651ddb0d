/**
 * A paragraph's role from Word's formatting: the title style, heading styles and outline levels
 * (一级至四级标题), the 公文 parts a style names; after the whole body is read, the headings'
 * levels by their Chinese numbering where a template's heading styles disagree with it, and the
 * title recognised by its look. The anatomy (shared/anatomy/) finds the roles of the rest.
 */
import type { Paragraph, ParagraphRole } from '../../model/document';
import { headingOf } from '../../outline/levels';
import type { BodyReader, Container, HeadingParagraph } from './context';

const HEADING_ROLES: ParagraphRole[] = ['heading1', 'heading2', 'heading3', 'heading4'];

/**
 * The role of a paragraph in style `styleId`: its own outline level (`direct`, w:outlineLvl in its
 * w:pPr) wins over its style's heading level. Headings are noted for assignGongwenLevels.
 */
export function assignRole(ctx: BodyReader, p: Paragraph, styleId: string | undefined, direct: number | undefined, label: string): void {
  const { styles } = ctx;
  const heading = direct !== undefined ? (direct < 9 ? direct + 1 : 0) : styles.headingLevelOf(styleId);
  if (styles.isTitleStyle(styleId)) p.role = 'title';
  else if (heading >= 1 && heading <= 9) {
    if (heading <= 4) p.role = HEADING_ROLES[heading - 1];
    ctx.headings.push({ paragraph: p, wordLevel: heading, label });
  } else {
    const part = styles.partOf(styleId);
    if (part) p.role = part;
  }
}

const CHINESE_NUMBER = /[一二三四五六七八九十百〇零]/;

/**
 * Word's heading levels are not always the 公文 levels: a template may put 一、 in 标题 2 because
 * its title uses 标题 1. When the headings are numbered the Chinese way (一、, （一）, 第一章), the
 * numbering decides each heading's level; otherwise ("1.", "1.1" in other documents) Word's
 * level does.
 */
export function assignGongwenLevels(headings: HeadingParagraph[]): void {
  // An automatic label is known to be the whole number: judge it alone ("一、一级标题" would read
  // as a list inside a sentence).
  const inferred = headings.map((h) => headingOf({ type: 'paragraph', runs: h.label ? [{ text: `${h.label.trim()}标题` }] : h.paragraph.runs }));
  if (!inferred.some((i) => i && CHINESE_NUMBER.test(i.number))) return;
  headings.forEach((h, i) => {
    const level = inferred[i]?.level ?? h.wordLevel;
    if (level <= 4) h.paragraph.role = HEADING_ROLES[level - 1];
    else delete h.paragraph.role;
  });
}

/**
 * A 公文 starts with its title: the first paragraph with text, centred, in a large font
 * (18 pt or more), not numbered, and not already given a role, becomes the title.
 */
export function markTitle(body: Container): void {
  for (let i = 0; i < body.blocks.length; i++) {
    const b = body.blocks[i]!;
    if (b.type !== 'paragraph') return;
    if (b.runs.map((r) => r.text).join('').trim() === '') continue;
    const fact = body.facts[i];
    if (fact && !b.role && b.align === 'center' && fact.maxSize >= 36 && !fact.numbered) b.role = 'title';
    return;
  }
}
