/**
 * What the outline needs to know about one top-level block, computed from that block alone.
 * The editor caches one BlockInfo per block and recomputes only the blocks an edit touched;
 * `buildOutline` then works on these small records, never on the document's text.
 */
import { countWords } from '../text/wordCount';
import { blockText, isHeadingRole, type Alignment, type Block, type ParagraphRole } from '../model/document';
import { MAX_HEADING_TITLE, headingOf, type HeadingInfo } from './levels';
import { parseNumber, type NumberToken } from './numbering';
import { cueOf, type Cue } from '../anatomy/cues';
import { isDateText } from '../text/dates';

export interface BlockInfo {
  kind: 'paragraph' | 'table';
  role: ParagraphRole | null;
  align: Alignment | null;
  /** The heading this paragraph is by itself (headingOf), or null. */
  heading: HeadingInfo | null;
  /**
   * For a numbered paragraph too long to be a heading by itself: the heading it would be. A run
   * of consecutively numbered paragraphs is all headings or all list items (buildOutline).
   */
  longHeading: HeadingInfo | null;
  /** The number the paragraph starts with, heading or not. */
  number: NumberToken | null;
  /** 字数 of the block, counted like Word (for per-section counts). */
  words: number;
  /** Empty or only spaces. */
  blank: boolean;
  /** Short, unpunctuated, unnumbered text: a title line, a signature, a table cell. Its text is `short`. */
  titleLike: boolean;
  /** The text of a title-like block, for joining title lines (a stop-ended one without its 。); '' otherwise. */
  short: string;
  /**
   * Title-like but for a final 。 ("关于……的通知。", a slip the 校对 reports): not `titleLike`; the
   * anatomy takes it for the title's last line only where a title stands and it names a 文种.
   */
  stopTitle: boolean;
  /** 成文日期: "2019年1月24日", "二〇〇四年一月十六日" (or the date role). */
  date: boolean;
  /**
   * What closes a document: 'signature' (署名 role), 'note' ("（此件公开发布）"), 'formula'
   * ("汇报完毕…", "特此通知。"); '' for anything else.
   */
  closing: '' | 'signature' | 'note' | 'formula';
  /** 'label': "附件" / "附件2" on its own line (an attachment follows); 'list': "附件：1.…" (附件说明). */
  attachment: '' | 'label' | 'list';
  /** "注：" "说明：": numbered lines after it are notes, not headings. */
  notes: boolean;
  /**
   * An unnumbered run-in lead ("深植“根须”，牢固夯实党在农村的执政根基。…"): the short first
   * sentence of a long paragraph. The outline offers parallel leads as headings, never silently.
   */
  lead: string;
  /** What the paragraph's text says about its part in a 公文 (anatomy/cues.ts); '' for most. */
  cue: Cue;
  /** The trimmed text of a 标志, an "附件2" label or a 纪要's attendance line (cue or role), else ''. */
  label: string;
}

const TERMINAL = /[。！？；：，,;:!?…]/;
const CLOSING_FORMULA = /^(?:汇报完毕|特此(?:报告|通知|批复|函告|通报|公告|说明|请示)|以上(?:报告|意见|请示)|妥否|当否|请审阅|请批示|谢谢)/;
const NOTES = /^(?:注|说明|备注)\s*[0-9０-９]*\s*[：:]/;
const LEAD_EXCLUDED = /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+|同时|此外|另外|但|而|我|今年|去年|目前|近年|一年来|为|在|对|经|根据|按照)/;

/** Cues whose text the anatomy reads (the format from the 标志, the attachment's number, 出席…):
 * typing in any other paragraph with a cue changes no structure. */
const TEXT_CUES: ReadonlySet<Cue> = new Set<Cue>(['issuer-mark', 'attachment-label', 'attendance']);
const MAX_LABEL = 60;

/**
 * Leading and trailing spaces, and soft line breaks inside a title, do not count. Long text
 * (never a title, a date or a document number) is only trimmed at the start, without a copy.
 */
function squeeze(text: string): string {
  if (text.length > 2 * MAX_HEADING_TITLE) return text.replace(/^[\s\u3000]+/, '');
  return text.replace(/[\n\t]/g, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** The lead of a paragraph: a first sentence of 8–30 characters in two or three parallel parts. */
function leadOf(t: string): string {
  if (t.length < 40) return '';
  const end = t.indexOf('。');
  if (end < 8 || end > 30 || t.length - end < 30) return '';
  const lead = t.slice(0, end);
  const parts = lead.split('，').length;
  if (parts < 2 || parts > 3 || LEAD_EXCLUDED.test(lead) || /[；;：:]/.test(lead)) return '';
  return lead;
}

export function describeParagraph(text: string, role: ParagraphRole | null, align: Alignment | null = null): BlockInfo {
  const t = squeeze(text);
  const p = { type: 'paragraph' as const, role: role ?? undefined, runs: [{ text }] };
  const heading = role === 'title' ? null : headingOf(p);
  const number = role === null || role === 'body' || isHeadingRole(role) ? parseNumber(text) : null;
  const longHeading = !heading && number && role === null ? headingOf(p, { maxTitle: Infinity }) : null;
  const plain = role === null || role === 'body';
  const date = role === 'date' || (t.length <= 24 && isDateText(t));
  const cue = plain && !heading ? cueOf(t) : '';
  const docNumber = cue === 'doc-number';
  const closing = role === 'signature' ? 'signature' : heading ? '' : cue === 'note' || cue === 'dateline' ? 'note' : CLOSING_FORMULA.test(t) ? 'formula' : '';
  const attachment = cue === 'attachment-label' ? 'label' : cue === 'attachment-list' ? 'list' : '';
  const titleShaped = (x: string) => !heading && (role === null || role === 'title') && x.length >= 2 && x.length <= MAX_HEADING_TITLE && !TERMINAL.test(x) && !date && !docNumber && !closing && !attachment;
  const titleLike = titleShaped(t);
  const stopTitle = !titleLike && /[^。]。$/.test(t) && titleShaped(t.slice(0, -1));
  return {
    kind: 'paragraph',
    role,
    align,
    heading,
    longHeading,
    number,
    words: countWords(text).words,
    blank: t === '',
    titleLike,
    short: titleLike ? t : stopTitle ? t.slice(0, -1) : '',
    stopTitle,
    date,
    closing,
    attachment,
    notes: plain && NOTES.test(t),
    lead: plain && !heading ? leadOf(t) : '',
    cue,
    label: TEXT_CUES.has(cue) || (role !== null && TEXT_CUES.has(role as Cue)) ? t.slice(0, MAX_LABEL) : '',
  };
}

export function describeTable(text: string): BlockInfo {
  return {
    kind: 'table',
    role: null,
    align: null,
    heading: null,
    longHeading: null,
    number: null,
    words: countWords(text).words,
    blank: false,
    titleLike: false,
    short: '',
    stopTitle: false,
    date: false,
    closing: '',
    attachment: '',
    notes: false,
    lead: '',
    cue: '',
    label: '',
  };
}

export function describeBlock(block: Block): BlockInfo {
  if (block.type === 'table') return describeTable(blockText(block));
  return describeParagraph(blockText(block), block.role ?? null, block.align ?? null);
}

/** A line this short may carry the title of a bare number above it (outline.ts). */
export const MAX_CONTINUATION_LINE = 20;

/**
 * True when two descriptions of the same block lead to the same outline structure: the editor
 * rebuilds the outline only when this is false for some block (typing in body text leaves the
 * structure alone and only changes `words`). The text of a short title-like line matters only
 * where the outline shows it (a title line, a title below a bare number): `titleText` says so.
 */
export function sameStructure(a: BlockInfo, b: BlockInfo, titleText = true): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.role !== b.role || a.align !== b.align || a.blank !== b.blank || a.titleLike !== b.titleLike || a.stopTitle !== b.stopTitle) return false;
  if (titleText ? a.short !== b.short : a.short.length > MAX_CONTINUATION_LINE !== b.short.length > MAX_CONTINUATION_LINE) return false;
  if (a.date !== b.date || a.closing !== b.closing) return false;
  if (a.attachment !== b.attachment || a.notes !== b.notes || a.lead !== b.lead) return false;
  if (a.cue !== b.cue || a.label !== b.label) return false;
  if ((a.number?.kind ?? null) !== (b.number?.kind ?? null) || (a.number?.value ?? 0) !== (b.number?.value ?? 0)) return false;
  // A long numbered line is a heading only in a run of headings; its title shows only then (the
  // editor compares it with the entry it shows).
  return sameHeading(a.heading, b.heading, true) && sameHeading(a.longHeading, b.longHeading, false);
}

function sameHeading(ha: HeadingInfo | null, hb: HeadingInfo | null, title: boolean): boolean {
  if (!ha || !hb) return ha === hb;
  return (
    ha.level === hb.level &&
    ha.number === hb.number &&
    (!title || (ha.title === hb.title && ha.headingEnd === hb.headingEnd)) &&
    ha.runIn === hb.runIn &&
    ha.runInMark === hb.runInMark &&
    ha.inferred === hb.inferred &&
    (ha.numbering?.start ?? -1) === (hb.numbering?.start ?? -1) &&
    (ha.numbering?.titleStart ?? -1) === (hb.numbering?.titleStart ?? -1)
  );
}

/**
 * True when `b` differs from `a` only in the text the outline shows for it — a heading's title
 * (typing in a heading) or a title line's text — so the outline's structure, numbers and
 * sections stay as they are and only that entry's title changes.
 */
export function onlyTitleTextChanged(a: BlockInfo, b: BlockInfo): boolean {
  const ha = a.heading;
  const hb = b.heading;
  if (ha && hb) {
    if (ha.title === '' || hb.title === '') return false; // a bare number takes its title from other lines
    return sameStructure(a, { ...b, heading: { ...hb, title: ha.title, headingEnd: ha.headingEnd } }, true);
  }
  return !ha && !hb && a.titleLike && b.titleLike && sameStructure(a, { ...b, short: a.short }, true);
}
