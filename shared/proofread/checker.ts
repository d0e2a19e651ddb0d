/**
 * The proofreader: every kind of finding for a paragraph, cached by paragraph text and context so
 * that re-checking a document after a keystroke costs one paragraph; and document-level rules
 * (numbering from the outline checker, 文种, a "typo" the document writes more than once is a term).
 */
import type { DocumentPart } from '../model/parts';
import { checkOutline, type Problem } from '../outline/check';
import type { Outline } from '../outline/outline';
import { findPlaceholders } from '../corpus/slots';
import { checkGenreDocument, checkPart, genreOfTitle, type Genre } from './gongwen';
import { checkNumbers } from './numbers';
import { checkPunctuation, type PunctContext } from './punctuation';
import { checkRepeats } from './repeat';
import { BUILTIN_TIFA, checkTifa, prepareTifa, type TifaData } from './tifa';
import { checkTypos } from './typos';
import type { DocFinding, Finding, ProofCategory } from './types';
import { checkWording } from './wording';

export interface ParagraphContext extends PunctContext {
  part: DocumentPart | null;
  genre: Genre;
}

function placeholders(text: string): Finding[] {
  return findPlaceholders(text).map((m) => ({
    start: m.start,
    end: m.end,
    category: 'placeholder' as const,
    authority: '建议' as const,
    rule: 'placeholder',
    message: `占位符“${text.slice(m.start, m.end)}”未填写`,
    suggestion: null,
  }));
}

/** Parts whose text is not prose: no typo, repeat or punctuation checks. */
const NOT_PROSE = new Set<DocumentPart>(['doc-number', 'copy-number', 'secrecy', 'urgency', 'issuer-mark', 'imprint']);

const overlaps = (a: Finding, b: Finding) => a.start < b.end && b.start < a.end;

/** All findings of one paragraph, overlaps resolved (提法 before 错别字 before the rest). */
export function checkParagraph(text: string, ctx: ParagraphContext, tifa: TifaData = BUILTIN_TIFA): Finding[] {
  if (!text.trim()) return [];
  const prose = !(ctx.part && NOT_PROSE.has(ctx.part));
  prepareTifa(tifa);
  const found: Finding[] = [
    ...checkTifa(text, tifa),
    ...checkPart(text, ctx.part, ctx.genre),
    ...checkWording(text),
    ...(prose ? checkTypos(text) : []),
    ...(prose ? checkRepeats(text) : []),
    ...(prose ? checkPunctuation(text, ctx) : []),
    ...checkNumbers(text),
    ...placeholders(text),
  ];
  const kept: Finding[] = [];
  for (const f of found) {
    if (kept.some((k) => overlaps(k, f) && k.category !== f.category && !(k.category === 'punct' || f.category === 'punct'))) continue;
    if (kept.some((k) => k.start === f.start && k.end === f.end && k.rule === f.rule)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface ProofParagraph {
  text: string;
  part: DocumentPart | null;
}

/** Numbering problems of the outline checker, as findings. */
export function numberingFindings(outline: Outline, texts: readonly string[]): DocFinding[] {
  return checkOutline(outline).filter((p) => p.severity === 'error').map((p: Problem) => {
    const edit = p.fix?.kind === 'edits' ? p.fix.edits.find((e) => e.block === p.block) : undefined;
    const text = texts[p.block] ?? '';
    const entry = outline.entries[p.entry];
    const numberEnd = entry?.heading?.numbering?.end ?? Math.min(text.length, 4);
    const start = edit ? edit.start : (entry?.heading?.numbering?.start ?? 0);
    const end = edit ? edit.end : numberEnd;
    return {
      block: p.block,
      start,
      end: Math.max(end, start),
      text: text.slice(start, end),
      category: 'numbering' as const,
      authority: (p.severity === 'error' ? '规定' : '建议') as DocFinding['authority'],
      rule: `numbering-${p.kind}`,
      message: p.message,
      suggestion: edit && p.fix?.kind === 'edits' && p.fix.edits.length === 1 ? edit.text : null,
    };
  });
}

export interface ProofreaderOptions {
  tifa?: TifaData;
  /** Kinds to report (all when absent). */
  categories?: ReadonlySet<ProofCategory>;
}

/** A proofreader with a per-paragraph cache (text + context → findings). */
export class Proofreader {
  private cache = new Map<string, Finding[]>();
  private tifa: TifaData;
  constructor(options: ProofreaderOptions = {}) {
    this.tifa = options.tifa ?? BUILTIN_TIFA;
  }

  setTifa(tifa: TifaData): void {
    if (tifa === this.tifa) return;
    this.tifa = tifa;
    this.cache.clear();
  }

  paragraph(text: string, ctx: ParagraphContext): Finding[] {
    const key = `${ctx.part ?? ''}|${ctx.genre}|${ctx.nextOpensQuote ? 1 : 0}${ctx.insideQuote ? 1 : 0}|${text}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = checkParagraph(text, ctx, this.tifa);
      if (this.cache.size > 20000) this.cache.clear();
      this.cache.set(key, hit);
    } else {
      // keep recently used entries at the end
      this.cache.delete(key);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Findings of a whole document (paragraph by paragraph, cached), with the document-level rules. */
  document(paragraphs: readonly ProofParagraph[], outline?: Outline): DocFinding[] {
    const titleText = paragraphs.filter((p) => p.part === 'title').map((p) => p.text).join('');
    const genre = genreOfTitle(titleText);
    const out: DocFinding[] = [];
    let insideQuote = false;
    paragraphs.forEach((p, block) => {
      const next = paragraphs[block + 1]?.text.trimStart() ?? '';
      const ctx: ParagraphContext = { part: p.part, genre, nextOpensQuote: next.startsWith('“'), insideQuote };
      for (const f of this.paragraph(p.text, ctx)) out.push({ ...f, block, text: p.text.slice(f.start, f.end) });
      insideQuote = p.text.trimStart().startsWith('“') && next.startsWith('“') && unclosedQuote(p.text);
    });
    for (const f of checkGenreDocument(paragraphs as ProofParagraph[], genre)) out.push({ ...f, text: paragraphs[f.block]!.text.slice(f.start, f.end) });
    if (outline) out.push(...numberingFindings(outline, paragraphs.map((p) => p.text)));
    return dropTerms(out, paragraphs).sort((a, b) => a.block - b.block || a.start - b.start);
  }
}

function unclosedQuote(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** A suspected typo written the same way more than once in the document is a term, not a slip. */
function dropTerms(findings: DocFinding[], paragraphs: readonly ProofParagraph[]): DocFinding[] {
  const suspects = findings.filter((f) => f.category === 'typo' || f.category === 'idiom');
  if (suspects.length === 0) return findings;
  const all = paragraphs.map((p) => p.text).join('\n');
  const count = new Map<string, number>();
  for (const f of suspects) {
    if (count.has(f.text)) continue;
    let n = 0;
    for (let at = all.indexOf(f.text); at >= 0 && n < 2; at = all.indexOf(f.text, at + 1)) n++;
    count.set(f.text, n);
  }
  return findings.filter((f) => !(f.category === 'typo' || f.category === 'idiom') || (count.get(f.text) ?? 0) < 2);
}
