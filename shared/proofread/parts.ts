/**
 * The part of each paragraph, as the 公文 rules need it. The document anatomy (shared/anatomy/,
 * one pass for the whole app) is the source of parts; until it is merged here, parts come from
 * what the outline already knows (its titles and headings, the 成文日期 and 附件说明 its block
 * descriptions recognise), roles set by hand, and the few shapes the 公文 rules are about when
 * they are written wrongly (a 发文字号 with [] or 第, a title ending in 。, a 主送 without its colon,
 * a date with 01) — which the anatomy must recognise too.
 */
import type { DocumentPart } from '../model/parts';
import { blockText, type WgDocument } from '../model/document';
import { outlineOfDocument, type Outline } from '../outline/outline';
import type { BlockInfo } from '../outline/blocks';

const HEADINGS = ['title', 'heading1', 'heading2', 'heading3', 'heading4'] as const;
const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-z]{1,16}[〔［\[(（【]\d{2,4}[〕］\])）】]第?\d{1,4}号$/;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const SALUTATION = /^[\u4e00-\u9fa5、，（）]{2,80}[：:]?$/;

export function partsOfDocument(doc: WgDocument, known?: { infos: BlockInfo[]; outline: Outline }): Array<DocumentPart | null> {
  const { infos, outline } = known ?? outlineOfDocument(doc);
  const texts = doc.blocks.map((b) => (b.type === 'paragraph' ? blockText(b).trim() : ''));
  const parts: Array<DocumentPart | null> = infos.map((info, i) => {
    if (info.role) return info.role as DocumentPart;
    if (info.date || DATE.test(texts[i]!)) return 'date';
    if (info.attachment === 'list') return 'attachment-list';
    if (info.closing === 'signature') return 'signature';
    if (DOC_NUMBER.test(texts[i]!)) return 'doc-number';
    return info.kind === 'table' ? null : 'body';
  });
  for (const e of outline.entries) {
    if (infos[e.block]?.role) continue;
    for (let b = e.block; b < e.block + e.headBlocks; b++) parts[b] = HEADINGS[e.level]!;
  }
  // The head of the document: the first line is the title unless something else claimed it;
  // the line after the title (and its 发文字号) that names the addressees is the 主送.
  const first = texts.findIndex((t) => t !== '');
  const more = texts.filter((t) => t !== '').length >= 3;
  if (first >= 0 && more && !parts.includes('title') && parts[first] === 'body' && texts[first]!.length <= 60 && !infos[first]!.role) parts[first] = 'title';
  const title = parts.indexOf('title');
  if (title >= 0) {
    for (let i = title + 1; i < Math.min(texts.length, title + 5); i++) {
      if (texts[i] === '' || parts[i] === 'doc-number' || parts[i] === 'title') continue;
      const next = texts.slice(i + 1).find((t) => t !== '') ?? '';
      if (parts[i] === 'body' && SALUTATION.test(texts[i]!) && texts[i]!.length <= 80 && (texts[i]!.endsWith('：') || texts[i]!.endsWith(':') || (next.length > 40 && /[、，]|各|委|局|政府|部门/.test(texts[i]!)))) parts[i] = 'salutation';
      break;
    }
  }
  return parts;
}
