/**
 * The print view: the document in the 公文 layout (shared/export/layout.ts, the plan the Word
 * writer follows too), shown only when printing. PDF export renders it, then Electron's
 * printToPDF (or, in a browser, the print dialog's 另存为 PDF) prints the page with its CSS
 * @page rules: A4, GB/T 9704 margins, 22 lines, "— N —" odd right / even left.
 */
import { Fragment, useEffect } from 'react';
import type { ExportFonts } from '../../shared/export/fonts';
import type { DocumentLayout, LaidBlock } from '../../shared/export/layout';
import { paragraphText } from '../../shared/model/document';
import { columnPercents, paragraphClass, paragraphStyle, printCss, segmentClass, tableColumns } from '../../shared/export/printView';
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

function Block({ block }: { block: LaidBlock }) {
  if (block.type === 'paragraph') {
    return (
      <p className={paragraphClass(block)} style={paragraphStyle(block)}>
        {block.segments.length === 0 ? <br /> : block.segments.map((s, i) => <span key={i} className={segmentClass(s)}><Lines text={s.text} /></span>)}
      </p>
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

export function PrintView() {
  const job = useStore(printJob);
  usePrintStylesheet(job?.fonts ?? null);
  if (!job) return null;
  return (
    <div className="print-root wg-print" data-testid="print-view" lang="zh-CN">
      {job.layout.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </div>
  );
}
