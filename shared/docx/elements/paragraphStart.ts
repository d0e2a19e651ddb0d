/**
 * The start of a paragraph's text, both ways. Reading writes Word's automatic numbering label
 * ("一、") into the text, in the label's format, and takes full-width spaces typed as an indent
 * (common in Chinese documents) out of it, as a first-line indent. Writing an edited paragraph
 * undoes both: the label comes out again while the paragraph keeps its w:numPr (Word numbers
 * it), and the typed spaces go back in while its indent is unchanged.
 */
import type { Paragraph, Run } from '../../model/document';
import { runFormatOf } from '../faithful/fingerprint';
import { mergeRun, type ParaProps } from '../read/properties';
import { concatRuns, type BodyReader } from './context';

export interface ParagraphStart {
  runs: Run[];
  /** The numbering label written in front, '' when none. */
  label: string;
  /** Full-width spaces taken from the front as a first-line indent, 0 when none. */
  typed: number;
}

/** The next label of the paragraph's list, as a run in front of its text. */
function withLabel(ctx: BodyReader, props: ParaProps, numId: string | undefined, ilvl: number, runs: Run[]): ParagraphStart {
  const label = ctx.numbering.next(numId, ilvl);
  if (!label || !label.text) return { runs, label: '', typed: 0 };
  ctx.countChars(label.text.length);
  const styleRun = ctx.styles.runOf(ctx.styles.paragraphStyleOf(props.style));
  const f = mergeRun(mergeRun(styleRun, props.mark), label.run);
  const { src: _src, ...labelFormat } = runFormatOf(f);
  return { runs: concatRuns([{ text: label.text, ...labelFormat }], runs), label: label.text, typed: 0 };
}

/** One to four leading full-width spaces, in a paragraph without a label or first-line indent, before text. */
function withoutTypedIndent(props: ParaProps, start: ParagraphStart): ParagraphStart {
  if (start.label || props.indent?.firstLine?.chars || props.indent?.firstLine?.twips) return start;
  const { runs } = start;
  const lead = /^\u3000+/.exec(runs[0]?.text ?? '')?.[0].length ?? 0;
  if (lead === 0 || lead > 4 || runs[0]!.text.length <= lead) return start;
  return { ...start, runs: [{ ...runs[0]!, text: runs[0]!.text.slice(lead) }, ...runs.slice(1)], typed: lead };
}

/** The paragraph's runs as the editor shows them: with its numbering label, without a typed indent. */
export function readParagraphStart(ctx: BodyReader, props: ParaProps, numId: string | undefined, ilvl: number, runs: Run[]): ParagraphStart {
  return withoutTypedIndent(props, withLabel(ctx, props, numId, ilvl, runs));
}

/** Removes the automatic numbering label the reader wrote into the text. */
export function withoutLabel(p: Paragraph, label: string): Run[] {
  const shape = label
    .trim()
    .replace(/([一二三四五六七八九十百千〇零]+)|(\d+)|([a-z]+)|([A-Z]+)|([\s\S])/g, (_m, cn?: string, d?: string, lo?: string, up?: string, other?: string) =>
      cn ? '[一二三四五六七八九十百千〇零]+' : d ? '\\d+' : lo ? '[a-z]+' : up ? '[A-Z]+' : other!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  const re = new RegExp(`^\\s*${shape}[\\t \\u3000]?`);
  const m = re.exec(p.runs.map((r) => r.text).join(''));
  if (!m) return p.runs;
  let cut = m[0].length;
  const runs: Run[] = [];
  for (const r of p.runs) {
    if (r.object) {
      runs.push(r);
      continue;
    }
    if (cut >= r.text.length) {
      cut -= r.text.length;
      continue;
    }
    runs.push(cut > 0 ? { ...r, text: r.text.slice(cut) } : r);
    cut = 0;
  }
  return runs;
}

/** Puts `typed` full-width spaces back in front, in the first run's format. */
function withTypedIndent(runs: Run[], typed: number): Run[] {
  const first = runs[0]!;
  const { object: _object, ...format } = first;
  const spaces = '\u3000'.repeat(typed);
  return first.object ? [{ ...format, text: spaces }, ...runs] : [{ ...first, text: spaces + first.text }, ...runs.slice(1)];
}

/**
 * The paragraph as an edited one is written: without its label when Word still numbers it
 * (`numbered`: it keeps the w:pPr, and so the numbering, it was read with), with its typed
 * indent back in the text, not in its indents, when its shape is unchanged (not `reshaped`).
 */
export function paragraphToWrite(p: Paragraph, numbered: boolean, reshaped: boolean): Paragraph {
  let runs = p.runs;
  if (numbered && p.source?.label) runs = withoutLabel(p, p.source.label);
  if (!p.source?.typed || reshaped || runs.length === 0) return runs === p.runs ? p : { ...p, runs };
  const { firstLineChars: _typed, ...indent } = p.indent ?? {};
  return { ...p, runs: withTypedIndent(runs, p.source.typed), indent };
}
