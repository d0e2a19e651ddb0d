/**
 * Fingerprints of what the editor shows of a block, and the source ids of runs: the two facts a
 * faithful save compares to decide whether a block may be written back exactly as it was read.
 * A fingerprint covers the text, the run formatting, the role, alignment and indents, never the
 * block's source itself, and is computed the same way on open and on save.
 */
import { RUN_FORMAT_KEYS, type Block, type InlineObject, type Paragraph, type Run } from '../../model/document';
import type { RunProps } from '../read/properties';
import { hashText } from '../../text/hash';

export type RunFormat = Omit<Run, 'text'>;

/** The model's run formatting from resolved Word run properties (sizes in points). */
export function runFormatOf(rp: RunProps): RunFormat {
  const f: RunFormat = {};
  if (rp.bold) f.bold = true;
  if (rp.italic) f.italic = true;
  if (rp.underline) f.underline = true;
  if (rp.strike) f.strike = true;
  if (rp.vertAlign === 'superscript' || rp.vertAlign === 'subscript') f.vertAlign = rp.vertAlign;
  if (rp.size) f.size = rp.size / 2;
  if (rp.fontEastAsia) f.font = rp.fontEastAsia;
  if (rp.fontAscii) f.fontLatin = rp.fontAscii;
  if (rp.color) f.color = rp.color;
  if (rp.highlight && rp.highlight !== 'none') f.highlight = rp.highlight;
  return f;
}

function formatPrint(f: RunFormat): string {
  let s = '';
  for (const k of RUN_FORMAT_KEYS) if (k !== 'src') s += `${f[k] ?? ''}\u0001`;
  return s;
}

/** A run's source id: where its properties were first written, and a print of how they looked. */
export function runSourceId(at: number, format: RunFormat): string {
  return `${at}:${hashText(formatPrint(format)).slice(0, 8)}`;
}

/** The offset of a run's original w:r, when its formatting is still the one it was read with. */
export function unchangedRunSource(run: Run): number | null {
  if (!run.src) return null;
  const m = /^(\d+):([0-9a-f]{8})$/.exec(run.src);
  if (!m) return null;
  return hashText(formatPrint(run)).slice(0, 8) === m[2] ? Number(m[1]) : null;
}

/** Offset of a run's original w:r, whatever its formatting now. */
export function runSourceOffset(run: Run): number | null {
  const m = run.src ? /^(\d+):/.exec(run.src) : null;
  return m ? Number(m[1]) : null;
}

function paragraphShape(p: Paragraph): string {
  const i = p.indent ?? {};
  return `${p.role ?? ''}|${p.align ?? ''}|${i.firstLineChars ?? 0}|${i.leftChars ?? 0}|${i.rightChars ?? 0}`;
}

function objectPrint(o: InlineObject): string {
  return `\u0005${o.kind}@${o.at ?? ''}`;
}

function paragraphPrint(p: Paragraph): string {
  let s = `P${paragraphShape(p)}\u0002`;
  for (const r of p.runs) s += `${r.text}\u0003${formatPrint(r)}${r.src ?? ''}${r.object ? objectPrint(r.object) : ''}\u0002`;
  return s;
}

function blockPrint(b: Block): string {
  if (b.type === 'paragraph') return paragraphPrint(b);
  // Column widths are left out: the editor keeps them in its own units.
  let s = 'T\u0004';
  for (const row of b.rows) {
    s += `R${row.header ? 1 : 0}\u0004`;
    for (const c of row.cells) {
      s += `C${c.colSpan ?? 1},${c.rowSpan ?? 1}\u0004`;
      for (const p of c.paragraphs) s += paragraphPrint(p);
    }
  }
  return s;
}

export function blockFingerprint(b: Block): string {
  return hashText(blockPrint(b));
}

/** Fingerprint of a paragraph's role, alignment and indents. */
export function paragraphShapeFingerprint(p: Paragraph): string {
  return hashText(paragraphShape(p)).slice(0, 8);
}

function fingerprintParagraph(p: Paragraph): void {
  if (!p.source) return;
  p.source.fp = blockFingerprint(p);
  p.source.pf = paragraphShapeFingerprint(p);
}

/** Fills in the fingerprints of blocks just read (and of the paragraphs in their cells). */
export function fingerprintSources(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      fingerprintParagraph(b);
      continue;
    }
    if (b.source) b.source.fp = blockFingerprint(b);
    for (const row of b.rows) for (const c of row.cells) for (const p of c.paragraphs) fingerprintParagraph(p);
  }
}
