/**
 * The print view: the document in the 公文 layout (shared/export/layout.ts, the plan the Word
 * writer follows too), shown only when printing. PDF export renders it, then Electron's
 * printToPDF (or, in a browser, the print dialog's 另存为 PDF) prints the page with its CSS
 * @page rules: A4, GB/T 9704 margins, 22 lines, "— N —" odd right / even left.
 */
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import type { ExportFonts } from '../../shared/export/fonts';
import type { DocumentLayout, LaidBlock, LaidFloat, LaidParagraph } from '../../shared/export/layout';
import { paragraphText } from '../../shared/model/document';
import {
  PAGE_NUMBER_BOX,
  SHEET_HEIGHT_PX,
  SHEET_STRIDE_PX,
  SHEET_WIDTH_PX,
  TEXT_ORIGIN_PX,
  columnPercents,
  floatStyle,
  fontFamily,
  jointMarkStyles,
  letterFoot,
  letterFootStyle,
  pageNumbers,
  paragraphClass,
  paragraphPieces,
  paragraphStyle,
  placeRecord,
  printCss,
  tableColumns,
  type PrintPiece,
  type RecordPlacement,
} from '../../shared/export/printView';
import { createStore, useStore } from '../app/store';

export interface PrintJob {
  layout: DocumentLayout;
  fonts: ExportFonts;
  /** Shown in the 打印预览 (else laid out unseen, for printing). */
  preview?: boolean;
}

/** The document being printed, or null. */
export const printJob = createStore<PrintJob | null>(null);

/** Installs the print stylesheet through CSSOM: the CSP allows no inline <style>. */
function usePrintStylesheet(job: PrintJob | null): void {
  const fonts = job?.fonts ?? null;
  const layout = job?.layout ?? null;
  useLayoutEffect(() => {
    if (!fonts || !layout) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printCss(fonts, 'wg-print', layout));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [fonts, layout]);
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
      <div className={block.kind === 'letter-foot' ? 'letter-foot' : 'letter-head'} style={floatStyle(block)}>
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

/** What the laid-out view knows of its pages. */
export interface PrintPages {
  /** The job these pages belong to. */
  job: PrintJob;
  count: number;
  /** "— N —" or null, page by page (7.5). */
  numbers: Array<string | null>;
}

/** The pages of the current print job, once laid out (null while laying out). */
export const printPages = createStore<PrintPages | null>(null);

/** Resolves once the current print job's pages are laid out. */
export function whenPrintLaidOut(job: PrintJob): Promise<PrintPages> {
  return new Promise((resolve) => {
    const check = () => {
      const p = printPages.get();
      if (p && p.job === job) {
        off();
        resolve(p);
      }
    };
    const off = printPages.subscribe(check);
    check();
  });
}

/** Measures a laid-out paged root: the page (from 0) and the offset in it of an element's box. */
function pageOf(root: HTMLElement, rect: DOMRect): { page: number; top: number } {
  const box = root.getBoundingClientRect();
  const scale = box.width / root.offsetWidth || 1;
  return { page: Math.max(0, Math.floor((rect.left - box.left) / (SHEET_STRIDE_PX * scale) + 0.01)), top: (rect.top - box.top) / scale };
}

function lastRect(el: Element | null): DOMRect | null {
  if (!el) return null;
  const rects = el.getClientRects();
  return rects.length ? rects[rects.length - 1]! : null;
}

/**
 * Lays the view out in pages and places the 版记: first with the 版记 right after the text, then
 * where `placeRecord` puts it; then counts the pages and which carry no number.
 */
function usePagination(root: React.RefObject<HTMLDivElement | null>, job: PrintJob | null): RecordPlacement | null {
  const [placement, setPlacement] = useState<{ job: PrintJob; at: RecordPlacement | null } | null>(null);
  const current = placement && placement.job === job ? placement : null;
  useLayoutEffect(() => {
    printPages.set(null);
    if (!job) return;
    let live = true;
    void document.fonts.ready.then(() => {
      const el = root.current;
      if (!live || !el) return;
      if (!current) {
        const record = el.querySelector<HTMLElement>('.record');
        const before = lastRect(record?.previousElementSibling ?? null);
        if (!record || !before) return setPlacement({ job, at: null });
        const box = pageOf(el, record.getBoundingClientRect());
        const height = record.getBoundingClientRect().height / (el.getBoundingClientRect().width / el.offsetWidth || 1);
        setPlacement({ job, at: placeRecord({ textEndPage: pageOf(el, before).page, page: box.page, top: box.top, height }) });
        return;
      }
      const count = Math.max(1, Math.round((el.scrollWidth + (SHEET_STRIDE_PX - el.offsetWidth)) / SHEET_STRIDE_PX));
      const unnumbered = new Set<number>();
      for (const u of el.querySelectorAll('.unnumbered')) unnumbered.add(pageOf(el, u.getBoundingClientRect()).page);
      printPages.set({ job, count, numbers: pageNumbers(count, job.layout.numberFirstPage, unnumbered) });
    });
    return () => {
      live = false;
    };
  }, [root, job, current]);
  return current?.at ?? null;
}

function Record({ block, at }: { block: LaidFloat; at: RecordPlacement | null }) {
  const style = { ...floatStyle(block), marginTop: `${at?.marginTop ?? 0}px` };
  const cls = `record${at?.breakBefore ? ' page-break' : ''}${at?.blankBefore ? ' unnumbered' : ''}`;
  return (
    <>
      {at?.blankBefore && <div className="blank-page page-break unnumbered" />}
      <div className={cls} style={style}>
        {block.blocks.map((p, i) => (
          <LaidLine key={i} p={p} />
        ))}
      </div>
    </>
  );
}

/** The sheets behind the paged view: paper, page numbers, the 信函's lower double line. */
function Sheets({ pages, job }: { pages: PrintPages; job: PrintJob }) {
  const foot = letterFoot(job.layout);
  const font = fontFamily(job.fonts, 'pageNumber');
  return (
    <>
      {pages.numbers.map((n, i) => (
        <div key={i} className="print-sheet" data-testid="print-sheet" style={{ left: `${i * SHEET_STRIDE_PX}px`, width: `${SHEET_WIDTH_PX}px`, height: `${SHEET_HEIGHT_PX}px` }}>
          {n && (
            <span className="print-page-number" data-testid="print-page-number" style={{ top: PAGE_NUMBER_BOX.top, fontFamily: font, ...(i % 2 === 0 ? { right: `calc(${PAGE_NUMBER_BOX.right} + ${PAGE_NUMBER_BOX.side})` } : { left: `calc(${PAGE_NUMBER_BOX.left} + ${PAGE_NUMBER_BOX.side})` }) }}>
              {n}
            </span>
          )}
          {foot && i === 0 && <div className="print-letter-foot" data-testid="print-letter-foot" style={{ ...letterFootStyle(foot), position: 'absolute', top: `${foot.y / 15}px`, left: `${(foot.x / 20) * (4 / 3) + TEXT_ORIGIN_PX.left}px` }} />}
        </div>
      ))}
    </>
  );
}

/**
 * The print view. Printing (or PDF) shows it alone, page by page as the browser breaks it; on
 * screen it is laid out in sheets (hidden unless the preview shows it), which is how it knows its
 * pages: where the 版记 goes and which pages carry a number.
 */
export function PrintView({ page = 0, scale = 1, offsetX = 0 }: { page?: number; scale?: number; offsetX?: number }) {
  const job = useStore(printJob);
  const pages = useStore(printPages);
  const root = useRef<HTMLDivElement>(null);
  usePrintStylesheet(job);
  const at = usePagination(root, job);
  if (!job) return null;
  return (
    <div className={`print-host${job.preview ? ' previewing' : ''}`} data-testid="print-host">
      <div className="print-strip" style={{ transform: `translateX(${offsetX - page * SHEET_STRIDE_PX * scale}px) scale(${scale})` }}>
        {pages && pages.job === job && <Sheets pages={pages} job={job} />}
        <div ref={root} className="print-root wg-print wg-paged" data-testid="print-view" data-pages={pages && pages.job === job ? pages.count : undefined} lang="zh-CN">
          {job.layout.blocks.map((b, i) => (b.type === 'float' && b.kind === 'record' ? <Record key={i} block={b} at={at} /> : <Block key={i} block={b} />))}
        </div>
      </div>
    </div>
  );
}
