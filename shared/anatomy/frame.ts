/**
 * The frame of a 公文: every paragraph's part except the heading levels, decided from the
 * per-paragraph records (BlockInfo, with their cues) and the paragraphs' places. The outline
 * takes its titles and closing matter from here, then decides the headings among the body
 * paragraphs; `analyzeAnatomy` (anatomy.ts) joins both.
 *
 * The rules, in the order of a 公文 (GB/T 9704-2012 §7, §10):
 * - 版头 at the top: 份号, 密级和保密期限, 紧急程度 (each by its form), the 发文机关标志 ("…文件",
 *   "…函", "…令", "…纪要"; a joint issuance's organs stacked above it), 发文字号 and 签发人.
 * - 标题: the first one to three short unpunctuated lines (four or more are a list), or the
 *   paragraphs with the title role; a 发文字号 may follow it (as the web prints notices).
 * - Under the title (reports, speeches): 副标题 "——…", 署名行 (a short line between the title or
 *   subtitle and a date line) and 日期行 "（2026年1月25日）"; then the 主送机关 / 称谓 ("…：").
 * - Each attachment: an "附件N" label with the title lines under it, or a title right after the
 *   document's 成文日期 / 附注 (a document issued with a notice). It runs to the next attachment.
 * - 版记 at the very end: 抄送 and the 印发 line.
 * - The closing of the document and of each attachment, from its end: 附注 "（…）" after the date,
 *   成文日期, the 署名 (up to four short lines right above the date), 附件说明 "附件：1.…" with its
 *   numbered items; 纪要's 出席/请假/列席 lines.
 * Everything else is body ('body': the outline decides which of these are headings).
 * A paragraph's explicit role always wins (`inferred` false).
 */
import type { DocumentFormat, DocumentPart } from '../model/parts';
import type { BlockInfo } from '../outline/blocks';
import { parseNumeral } from '../text/numerals';
import { formatOfMark, isOrganLine } from './cues';

export interface AttachmentSpan {
  /** The "附件N" label's block, or -1 for a document appended without a label. */
  label: number;
  /** The number in the label (附件2 → 2), or null. */
  number: number | null;
  /** The title's blocks [titleStart, titleEnd) (empty when the attachment has no title lines). */
  titleStart: number;
  titleEnd: number;
  /** The attachment's blocks [start, end): from its label (or title) to the next attachment or the 版记. */
  start: number;
  end: number;
}

export interface Frame {
  /** One part per block; heading levels not yet decided ('body'), except explicit heading roles. */
  parts: DocumentPart[];
  /** False where the part comes from the paragraph's role. */
  inferred: boolean[];
  format: DocumentFormat;
  /** The runs of title lines (the document's, each attachment's) as [start, count]. */
  titles: Array<[number, number]>;
  attachments: AttachmentSpan[];
  /** Where the 版记 starts (n when there is none). */
  endMatter: number;
}

export const MAX_TITLE_LINES = 3;
/** A title that ends with its 文种 may run longer than three lines (a long 转发 title). */
const MAX_GENRE_TITLE_LINES = 6;
/** A joint issuance's 标志 or 署名 stacks at most this many organs. */
const MAX_ORGAN_LINES = 6;
const MAX_SIGNATURE_LINES = 4;
const MAX_BYLINE = 24;

const TOP_CUES = new Set(['copy-number', 'secrecy', 'urgency']);
/** Parts that close a document or attachment: the outline's sections end before them. */
export const CLOSING_PARTS: ReadonlySet<DocumentPart> = new Set<DocumentPart>(['attachment-list', 'signature', 'date', 'note', 'attendance', 'cc', 'imprint']);

const isFree = (b: BlockInfo) => b.kind === 'paragraph' && b.role === null;
/** A title line by content: short, unpunctuated, unnumbered, not right-aligned. */
export const isTitleLine = (b: BlockInfo) => b.titleLike && b.role === null && b.align !== 'right' && b.cue === '';

function nextNonBlank(infos: readonly BlockInfo[], from: number, end = infos.length): number {
  let i = from;
  while (i < end && infos[i]!.blank) i++;
  return i;
}

function prevNonBlank(infos: readonly BlockInfo[], from: number, start = 0): number {
  let i = from;
  while (i >= start && infos[i]!.blank) i--;
  return i;
}

export function frameOf(infos: readonly BlockInfo[]): Frame {
  const n = infos.length;
  const parts: DocumentPart[] = new Array<DocumentPart>(n).fill('body');
  const inferred: boolean[] = new Array<boolean>(n).fill(true);
  for (let i = 0; i < n; i++) {
    const role = infos[i]!.role;
    if (role && role !== 'body') {
      parts[i] = role;
      inferred[i] = false;
    } else if (role === 'body') inferred[i] = false;
  }
  const free = (i: number) => i < n && isFree(infos[i]!) && !infos[i]!.heading;
  const set = (i: number, part: DocumentPart) => {
    if (free(i)) parts[i] = part;
  };

  // 版记 at the end: 抄送 and 印发 (and wrapped 抄送 lines between them).
  let endMatter = n;
  {
    let j = prevNonBlank(infos, n - 1);
    let seen = false;
    while (j >= 0) {
      const b = infos[j]!;
      const explicit = b.role === 'cc' || b.role === 'imprint';
      if (explicit || (free(j) && (b.cue === 'cc' || b.cue === 'imprint'))) {
        if (!explicit) parts[j] = b.cue as DocumentPart;
        seen = true;
        endMatter = j;
        j = prevNonBlank(infos, j - 1);
      } else if (seen && free(j) && parts[j + 1] === 'cc' && j + 1 < n && !infos[j]!.blank && /[，、,]$/.test(infos[j]!.short || '')) {
        parts[j] = 'cc';
        endMatter = j;
        j--;
      } else break;
    }
  }

  // 版头.
  let i = nextNonBlank(infos, 0, endMatter);
  let format: DocumentFormat = 'document';
  let markText = '';
  for (let guard = 0; i < endMatter && guard < 12; guard++) {
    const b = infos[i]!;
    if (!free(i) && b.role !== 'issuer-mark' && b.role !== 'copy-number' && b.role !== 'secrecy' && b.role !== 'urgency' && b.role !== 'doc-number' && b.role !== 'signer') break;
    // One 标志: a "…纪要" or "…函" line under it is the document's title (a 纪要's own title).
    if (markText && free(i) && b.cue === 'issuer-mark') break;
    if (b.role === 'issuer-mark') {
      markText = b.label || b.short;
      i = nextNonBlank(infos, i + 1, endMatter);
      continue;
    }
    if (!free(i)) {
      i = nextNonBlank(infos, i + 1, endMatter);
      continue;
    }
    if (TOP_CUES.has(b.cue) || b.cue === 'doc-number' || b.cue === 'signer') {
      parts[i] = b.cue as DocumentPart;
      i = nextNonBlank(infos, i + 1, endMatter);
      continue;
    }
    // The 标志, alone or under a joint issuance's organs.
    let k = i;
    let markAt = -1;
    while (k < endMatter && k - i < MAX_ORGAN_LINES && free(k) && !infos[k]!.blank) {
      if (infos[k]!.cue === 'issuer-mark' || (k > i && infos[k]!.short === '文件')) {
        markAt = k;
        break;
      }
      if (!isOrganLine(infos[k]!.short)) break;
      k++;
    }
    if (markAt >= 0) {
      for (let m = i; m <= markAt; m++) parts[m] = 'issuer-mark';
      markText = infos[markAt]!.label || infos[markAt]!.short;
      i = nextNonBlank(infos, markAt + 1, endMatter);
      continue;
    }
    break;
  }
  if (markText) format = formatOfMark(markText);

  // Attachments: labelled ones first, then documents appended after a date or note.
  const attachments: AttachmentSpan[] = [];
  const bodyStart = i;
  for (let k = bodyStart; k < endMatter; k++) {
    const b = infos[k]!;
    const labelled = b.role === 'attachment-label' || (free(k) && b.cue === 'attachment-label');
    if (!labelled) continue;
    const num = /^附件\s*(\S+)$/.exec(b.label);
    attachments.push({ label: k, number: num && parseNumeral(num[1]!) > 0 ? parseNumeral(num[1]!) : null, titleStart: k + 1, titleEnd: k + 1, start: k, end: endMatter });
  }
  // The document's own closing ends where the first attachment starts.
  const mainEnd = attachments[0]?.start ?? endMatter;

  // Title and front matter.
  const titles: Array<[number, number]> = [];
  if (i < mainEnd) {
    const explicitTitle = infos[i]!.role === 'title';
    let k = i;
    if (explicitTitle) {
      while (k < mainEnd && infos[k]!.role === 'title' && !infos[k]!.blank) k++;
    } else {
      // under a 标志, a line that reads like one ("××市人民政府第十次常务会议纪要") is the title
      const underMark = (b: BlockInfo) => !!markText && b.cue === 'issuer-mark' && b.titleLike && b.role === null;
      k = titleRunEnd(infos, i, mainEnd, Infinity, underMark);
      // Four or more such lines are a list, not a broken title, unless the last names the 文种.
      if (k - i > MAX_TITLE_LINES && !(k - i <= MAX_GENRE_TITLE_LINES && endsWithGenre(infos[k - 1]!) && saysAbout(infos, i, k))) k = i;
    }
    if (k > i) {
      titles.push([i, k - i]);
      for (let m = i; m < k; m++) if (free(m)) parts[m] = 'title';
      i = nextNonBlank(infos, k, mainEnd);
      i = frontMatter(infos, i, mainEnd, parts, free);
    }
  }
  // 主送机关 / 称谓: the first paragraph of the body when it ends with "：", or (under a title) a
  // list of addressees that lost its colon, with the body after it.
  if (i < mainEnd && free(i) && infos[i]!.cue === 'salutation') parts[i] = 'salutation';
  else if (i < mainEnd && free(i) && infos[i]!.cue === 'addressee' && titles.length > 0 && nextNonBlank(infos, i + 1, mainEnd) < mainEnd) parts[i] = 'salutation';

  // Explicit title runs elsewhere.
  for (let k = 0; k < n; k++) {
    if (infos[k]!.role !== 'title' || infos[k]!.blank) continue;
    let e = k;
    while (e < n && infos[e]!.role === 'title' && !infos[e]!.blank) e++;
    if (!titles.some(([s]) => s === k)) titles.push([k, e - k]);
    k = e - 1;
  }

  // Each labelled attachment's title; each span's closing.
  for (let a = 0; a < attachments.length; a++) {
    const at = attachments[a]!;
    at.end = attachments[a + 1]?.start ?? endMatter;
    parts[at.label] = parts[at.label] === 'body' ? 'attachment-label' : parts[at.label]!;
    const t = nextNonBlank(infos, at.label + 1, at.end);
    const k = titleRunEnd(infos, t, at.end, MAX_TITLE_LINES);
    if (k > t) {
      at.titleStart = t;
      at.titleEnd = k;
      for (let m = t; m < k; m++) set(m, 'attachment-title');
      titles.push([t, k - t]);
    }
  }

  // The main document's closing; an unlabelled document appended after its date or note.
  const spans: Array<[number, number]> = [];
  const appended = appendedDocument(infos, bodyStart, mainEnd, parts, titles);
  if (appended) {
    attachments.unshift(appended);
    spans.push([bodyStart, appended.start], [appended.titleEnd, appended.end]);
  } else spans.push([bodyStart, mainEnd]);
  for (const at of attachments) if (at.label >= 0) spans.push([at.titleEnd, at.end]);
  for (const [s, e] of spans) closingOf(infos, s, e, parts, free);

  // 附件说明 anywhere ("附件：1.…" and the numbered items under it), 纪要's attendance lines.
  for (let k = 0; k < endMatter; k++) {
    const b = infos[k]!;
    if (!free(k)) continue;
    // 出席/请假/列席 (10.3); "参加人员：" is a 纪要's line only in a 纪要.
    if (b.cue === 'attendance' && (format === 'minutes' || /^(?:出席|请假|列席)/.test(b.label))) parts[k] = 'attendance';
    if (b.cue !== 'attachment-list') continue;
    parts[k] = 'attachment-list';
    for (let m = k + 1; m < endMatter && isFree(infos[m]!) && isListItem(infos[m]!); m++) parts[m] = 'attachment-list';
  }

  titles.sort((a, b) => a[0] - b[0]);
  attachments.sort((a, b) => a.start - b.start);
  return { parts, inferred, format, titles, attachments, endMatter };
}

/** A title's last line ends with the kind of document (the 文种) or what an attachment is. */
const GENRE = /(?:通知|通报|意见|报告|请示|批复|决定|决议|公告|通告|公报|命令|令|议案|函|纪要|方案|办法|规定|规划|计划|要点|总结|讲话|发言|汇报|提纲|细则|规则|章程|制度|安排|指标|目录|清单|名单|名录|一览表|统计表|汇总表|情况表|标准|指南|指引|说明)$/;

const endsWithGenre = (b: BlockInfo) => GENRE.test(b.short);
/** A title line with a stray 。 ("关于……的通知。"): the title must say 关于 and end with its 文种. */
const isStopTitleLine = (b: BlockInfo) => b.stopTitle && b.role === null && b.align !== 'right' && b.cue === '';
/** The lines [from, to) of a title say 关于 (a 公文's title: "××关于……的通知"). */
const saysAbout = (infos: readonly BlockInfo[], from: number, to: number) => infos.slice(from, to).some((b) => b.short.includes('关于'));

/**
 * Where a run of title lines starting at `from` ends: at the first line ending with a 文种, at most
 * `max` lines; `also` admits more lines (a 纪要's title under its 标志). A line ending in a stray
 * 。 counts only in a title that says 关于 and ends with its 文种; else the run stops before it.
 */
function titleRunEnd(infos: readonly BlockInfo[], from: number, end: number, max: number, also: (b: BlockInfo) => boolean = () => false): number {
  let k = from;
  let firstStop = -1;
  while (k < end && k - from < max) {
    const b = infos[k]!;
    const stop = isStopTitleLine(b);
    if (!(stop || isTitleLine(b) || b.role === 'attachment-title' || also(b))) break;
    if (stop && firstStop < 0) firstStop = k;
    k++;
    if (endsWithGenre(b)) break;
  }
  if (firstStop >= 0 && !(k > from && endsWithGenre(infos[k - 1]!) && saysAbout(infos, from, k))) return firstStop;
  return k;
}

/** "2.××××" under "附件：1.××××". */
const isListItem = (b: BlockInfo) => !b.blank && b.number !== null && b.number.kind === 'arabic-dot' && b.words <= 80;

/** 副标题, 署名行 and 日期行 under a title; returns where the body starts. */
function frontMatter(infos: readonly BlockInfo[], from: number, end: number, parts: DocumentPart[], free: (i: number) => boolean): number {
  let i = from;
  let sawSubtitle = false;
  for (let guard = 0; i < end && guard < 6; guard++) {
    const b = infos[i]!;
    if (b.role === 'doc-number' || b.role === 'subtitle' || b.role === 'byline' || b.role === 'dateline' || b.role === 'signer') {
      i = nextNonBlank(infos, i + 1, end);
      continue;
    }
    if (!free(i)) break;
    if (b.cue === 'doc-number' || b.cue === 'signer') {
      parts[i] = b.cue;
      i = nextNonBlank(infos, i + 1, end);
      continue;
    }
    if (b.cue === 'subtitle' || b.cue === 'dateline') {
      parts[i] = b.cue;
      sawSubtitle ||= b.cue === 'subtitle';
      i = nextNonBlank(infos, i + 1, end);
      continue;
    }
    // 署名行: a short line after a subtitle, or right above a date line.
    const next = nextNonBlank(infos, i + 1, end);
    const aboveDateline = next < end && infos[next]!.cue === 'dateline';
    if (isTitleLine(b) && b.short.length <= MAX_BYLINE && (sawSubtitle || aboveDateline)) {
      parts[i] = 'byline';
      i = next;
      continue;
    }
    break;
  }
  return i;
}

/**
 * A document issued with a notice and printed after it without an "附件" label: a title right
 * after the notice's 成文日期 or 附注 ("（此件公开发布）").
 */
function appendedDocument(infos: readonly BlockInfo[], start: number, end: number, parts: DocumentPart[], titles: Array<[number, number]>): AttachmentSpan | null {
  for (let k = start + 1; k < end; k++) {
    if (!isTitleLine(infos[k]!)) continue;
    const p = prevNonBlank(infos, k - 1, start);
    if (p < start) continue;
    const prev = infos[p]!;
    if (!(prev.date || prev.cue === 'note' || prev.role === 'note')) continue;
    const e = titleRunEnd(infos, k, end, MAX_TITLE_LINES);
    for (let m = k; m < e; m++) parts[m] = 'attachment-title';
    titles.push([k, e - k]);
    return { label: -1, number: null, titleStart: k, titleEnd: e, start: k, end };
  }
  return null;
}

/** The closing of a document or attachment [start, end): 附注, 成文日期, 署名, from the end. */
function closingOf(infos: readonly BlockInfo[], start: number, end: number, parts: DocumentPart[], free: (i: number) => boolean): void {
  let j = prevNonBlank(infos, end - 1, start);
  const notes: number[] = [];
  while (j >= start && free(j) && infos[j]!.cue === 'note') {
    notes.push(j);
    j = prevNonBlank(infos, j - 1, start);
  }
  while (j >= start && parts[j] === 'note') j = prevNonBlank(infos, j - 1, start);
  if (j < start) return;
  const b = infos[j]!;
  const isDate = (free(j) && b.date) || b.role === 'date';
  if (!isDate) {
    if (notes.length === 0) undatedSignature(infos, start, j, parts, free);
    return;
  }
  if (free(j)) parts[j] = 'date';
  for (const k of notes) parts[k] = 'note';
  // The 署名: the short lines right above the date (joint issuance: one organ a line).
  let k = j - 1;
  let lines = 0;
  while (k >= start && lines < MAX_SIGNATURE_LINES && (infos[k]!.role === 'signature' || (free(k) && isTitleLine(infos[k]!) && infos[k]!.short.length <= 40))) {
    if (free(k)) parts[k] = 'signature';
    k--;
    lines++;
  }
}

/**
 * A 署名 with no date under it (the date not yet written): the organs' names on the last lines,
 * one a line, right under body text that ends a sentence.
 */
function undatedSignature(infos: readonly BlockInfo[], start: number, last: number, parts: DocumentPart[], free: (i: number) => boolean): void {
  let k = last;
  const lines: number[] = [];
  while (k > start && lines.length < MAX_SIGNATURE_LINES && free(k) && !infos[k]!.blank && isTitleLine(infos[k]!) && isOrganLine(infos[k]!.short)) {
    lines.push(k);
    k--;
  }
  if (lines.length === 0) return;
  const p = prevNonBlank(infos, k, start);
  const above = infos[p];
  // above: prose (punctuated, so neither a title nor a signature line) or 附件说明, not a heading
  if (p < start || !above || above.kind !== 'paragraph' || above.titleLike || above.stopTitle || above.heading) return;
  if (parts[p] !== 'body' && parts[p] !== 'attachment-list') return;
  for (const m of lines) parts[m] = 'signature';
}
