/**
 * From documents to indexable text: the paragraphs of a document (table cells included, soft
 * line breaks as paragraph ends), cleaned, placeholders as slots, duplicates set aside.
 */
import type { Block, WgDocument } from '../model/document';
import { paragraphText } from '../model/document';
import { cleanLines, emptyReport, recurringLines, type CleanReport, type LineAction } from './clean';
import { findDuplicates, fingerprint } from './dedup';
import { markSlots } from './slots';

/** Every line of text a document holds, in reading order. */
export function documentLines(doc: WgDocument): string[] {
  const out: string[] = [];
  const visit = (b: Block) => {
    if (b.type === 'paragraph') out.push(...paragraphText(b).split('\n'));
    else for (const row of b.rows) for (const cell of row.cells) for (const p of cell.paragraphs) visit(p);
  };
  for (const b of doc.blocks) visit(b);
  return out;
}

export interface SourceDocument {
  /** Where it came from (a path), for messages and the cache. */
  id: string;
  /** What the user sees as the source of a suggestion (the file name). */
  name: string;
  lines: string[];
}

export interface PreparedDocument {
  id: string;
  name: string;
  /** Cleaned, non-empty, placeholders as SLOT. */
  paragraphs: string[];
  chars: number;
}

export interface PreparedCorpus {
  documents: PreparedDocument[];
  /** Documents left out as duplicates: [duplicate id, id of the kept one]. */
  duplicates: Array<[string, string]>;
  report: CleanReport;
}

export interface PreparedLines {
  paragraphs: string[];
  report: CleanReport;
  /** What was done to each input line. */
  actions: LineAction[];
  /** For each paragraph, the input line it comes from. */
  lineOf: number[];
}

/** Cleans one document's lines for the index (recurring: line keys seen in other documents). */
export function prepareLines(lines: string[], recurring?: Pick<ReadonlySet<string>, 'has'>, keys?: string[]): PreparedLines {
  const cleaned = cleanLines(lines, recurring, keys);
  const paragraphs: string[] = [];
  const lineOf: number[] = [];
  let out = 0;
  cleaned.actions.forEach((a, i) => {
    if (a.kind === 'drop') return;
    const t = markSlots(cleaned.lines[out++]!.trim());
    if (t === '') return;
    paragraphs.push(t);
    lineOf.push(i);
  });
  return { paragraphs, report: cleaned.report, actions: cleaned.actions, lineOf };
}

/** Cleans a set of documents together (lines recurring across them are suspect) and drops duplicates. */
export function prepareCorpus(sources: SourceDocument[]): PreparedCorpus {
  const recurring = recurringLines(sources.map((s) => s.lines));
  const report = emptyReport();
  const docs = sources.map((s) => {
    const r = prepareLines(s.lines, recurring);
    for (const k of Object.keys(report) as (keyof CleanReport)[]) report[k] += r.report[k];
    return { id: s.id, name: s.name, paragraphs: r.paragraphs, chars: r.paragraphs.reduce((n, p) => n + p.length, 0) };
  });
  const nonEmpty = docs.filter((d) => d.chars > 0);
  const dupOf = findDuplicates(
    nonEmpty.map((d) => fingerprint(d.paragraphs.join('\n'))),
    nonEmpty.map((d) => d.chars),
  );
  const documents: PreparedDocument[] = [];
  const duplicates: Array<[string, string]> = [];
  nonEmpty.forEach((d, i) => {
    const of = dupOf[i]!;
    if (of >= 0) duplicates.push([d.id, nonEmpty[of]!.id]);
    else documents.push(d);
  });
  return { documents, duplicates, report };
}
