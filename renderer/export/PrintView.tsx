/**
 * The print view: the document in the 公文 layout (shared/export/layout.ts, the plan the Word
 * writer follows too), shown only when printing. PDF export renders it, then Electron's
 * printToPDF (or, in a browser, the print dialog's 另存为 PDF) prints the page with its CSS
 * @page rules: A4, GB/T 9704 margins, 22 lines, "— N —" odd right / even left.
 */
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import type { ExportFonts } from '../../shared/export/fonts';
import type { DocumentLayout, LaidBlock, LaidParagraph } from '../../shared/export/layout';
import { paragraphText } from '../../shared/model/document';
import { TEXT_WIDTH_TWIPS } from '../../shared/export/gbt9704';
import { columnPercents, floatStyle, jointMarkStyles, paragraphClass, paragraphPieces, paragraphStyle, printCss, recordGap, tableColumns, type PrintPiece } from '../../shared/export/printView';
import { createStore, useStore } from '../app/store';

export interface PrintJob {
  layout: DocumentLayout;
  fonts: ExportFonts;
}

/** The document being printed, or null. */
export const printJob = createStore<PrintJob | null>(null);

/** Installs the print stylesheet through CSSOM: the CSP allows no inline <style>. */
function usePrintStylesheet(fonts: ExportFonts | null): void {
  useEffect(() => {
    if (!fonts) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printCss(fonts));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [fonts]);
}

function Lines({ text }: { text: string }) {
  const parts = text.split('\n');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {p}
        </Fragment>
      ))}
    </>
  );
}

function Piece({ piece }: { piece: PrintPiece }) {
  return (
    <span className={piece.className} style={piece.style}>
      <Lines text={piece.text} />
    </span>
  );
}

function LaidLine({ p }: { p: LaidParagraph }) {
  const pieces = paragraphPieces(p);
  return (
    <p className={paragraphClass(p)} style={paragraphStyle(p)}>
      {pieces.main.length === 0 && !pieces.tab ? <br /> : pieces.main.map((x, i) => <Piece key={i} piece={x} />)}
      {pieces.tab && (
        <span className={pieces.tab.className} style={pieces.tab.style}>
          {pieces.tab.pieces.map((x, i) => (
            <Piece key={i} piece={x} />
          ))}
        </span>
      )}
    </p>
  );
}

function Block({ block }: { block: LaidBlock }) {
  if (block.type === 'paragraph') return <LaidLine p={block} />;
  if (block.type === 'joint-mark') {
    const st = jointMarkStyles(block);
    return (
      <div className="joint-mark" style={st.box}>
        <div className="organs" style={st.organs}>
          {block.organs.map((o, i) => (
            <p key={i}>{o}</p>
          ))}
        </div>
        <div className="suffix" style={st.suffix}>
          {block.suffix}
        </div>
      </div>
    );
  }
  if (block.type === 'float') {
    return (
      <div className={block.kind === 'record' ? 'record' : 'letter-head'} style={floatStyle(block)}>
        {block.blocks.map((p, i) => (
          <LaidLine key={i} p={p} />
        ))}
      </div>
    );
  }
  const widths = columnPercents(block.table.columnWidths, tableColumns(block));
  const rows = block.table.rows;
  const headCount = rows.findIndex((r) => !r.header);
  const row = (r: (typeof rows)[number], i: number) => (
    <tr key={i}>
      {r.cells.map((c, j) => {
        const Cell = r.header ? 'th' : 'td';
        return (
          <Cell key={j} colSpan={c.colSpan ?? 1} rowSpan={c.rowSpan ?? 1}>
            {c.paragraphs.map((p, k) => (
              <p key={k}>
                <Lines text={paragraphText(p)} />
              </p>
            ))}
          </Cell>
        );
      })}
    </tr>
  );
  const head = headCount < 0 ? rows : rows.slice(0, headCount);
  const body = headCount < 0 ? [] : rows.slice(headCount);
  return (
    <table>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      {head.length > 0 && <thead>{head.map(row)}</thead>}
      <tbody>{body.map((r, i) => row(r, i + head.length))}</tbody>
    </table>
  );
}

/** Puts the 版记 at the bottom of the last page (see recordGap): measured once laid out. */
function usePlaceRecord(root: React.RefObject<HTMLDivElement | null>, layout: DocumentLayout | null): void {
  useLayoutEffect(() => {
    const el = root.current;
    const record = el?.querySelector<HTMLElement>('.record');
    if (!el || !record) return;
    record.style.marginTop = '0px';
    // Hidden on screen: laid out for a moment at the 版心's width to be measured.
    Object.assign(el.style, { display: 'block', position: 'absolute', visibility: 'hidden', width: `${TEXT_WIDTH_TWIPS / 20}pt`, left: '0', top: '0' });
    const breaks = el.querySelectorAll<HTMLElement>('.r-attachment-label');
    const start = (breaks.length > 0 ? breaks[breaks.length - 1]! : el).getBoundingClientRect().top;
    const box = record.getBoundingClientRect();
    record.style.marginTop = `${recordGap(box.top - start, box.height)}px`;
    for (const k of ['display', 'position', 'visibility', 'width', 'left', 'top'] as const) el.style[k] = '';
  }, [root, layout]);
}

export function PrintView() {
  const job = useStore(printJob);
  const root = useRef<HTMLDivElement>(null);
  usePrintStylesheet(job?.fonts ?? null);
  usePlaceRecord(root, job?.layout ?? null);
  if (!job) return null;
  return (
    <div ref={root} className="print-root wg-print" data-testid="print-view" lang="zh-CN">
      {job.layout.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </div>
  );
}
