/**
 * 打印预览 (文件 → 打印预览和打印, Ctrl+P as in Word): the print view's real pages, one sheet at a
 * time, with page navigation, 打印 (Ctrl+P again; Electron: the system print dialog, a browser:
 * its own) and 导出PDF. Esc (or 关闭) goes back to the editor with the caret where it was.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $setSelection, type BaseSelection } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { layoutDocument } from '../../shared/export/layout';
import { SHEET_HEIGHT_PX, SHEET_WIDTH_PX } from '../../shared/export/printView';
import { api } from '../api';
import { overlayOpen, reportError, useCommands } from '../app/commands';
import { notify } from '../app/dialogs';
import { session } from '../app/session';
import { useStore } from '../app/store';
import { readDocument } from '../editor/Editor';
import { defaultExportPath } from './ExportDialog';
import { PrintView, printJob, printPages, whenPrintLaidOut } from './PrintView';

const BAR_PX = 44;
const MARGIN_PX = 16;

/** The scale that fits one sheet in the window, and the left offset that centres it. */
function useFit(): { scale: number; offsetX: number } {
  const [size, setSize] = useState({ w: window.innerWidth, h: window.innerHeight });
  useEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  const scale = Math.min(1.5, (size.h - BAR_PX - 2 * MARGIN_PX) / SHEET_HEIGHT_PX, (size.w - 2 * MARGIN_PX) / SHEET_WIDTH_PX);
  const s = Math.max(0.2, scale);
  return { scale: s, offsetX: Math.max(MARGIN_PX, (size.w - SHEET_WIDTH_PX * s) / 2) };
}

/** Prints the print view as it is (the preview's job): the browser's or Electron's print dialog. */
function printNow(): void {
  window.print();
}

function Preview({ onClose }: { onClose: () => void }) {
  const pages = useStore(printPages);
  const job = useStore(printJob);
  const ready = pages !== null && pages.job === job;
  const count = ready ? pages.count : 0;
  const [page, setPage] = useState(0);
  const { scale, offsetX } = useFit();
  const bar = useRef<HTMLDivElement>(null);
  const go = useCallback((n: number) => setPage(Math.max(0, Math.min(Math.max(0, count - 1), n))), [count]);

  useEffect(() => bar.current?.focus(), []);

  const exportPdf = async () => {
    const info = await api.getAppInfo();
    if (info.shell !== 'electron') return printNow(); // the browser's dialog: 另存为 PDF
    const { path, name } = session.get();
    const target = await api.chooseExportPath({ defaultPath: defaultExportPath(path, name, info.documentsDir, 'pdf'), format: 'pdf' });
    if (!target) return;
    await api.exportPdf({ path: target });
    notify(`已导出 PDF：${target}`);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const ctrl = e.ctrlKey || e.metaKey;
      let done = true;
      if (e.key === 'Escape') onClose();
      else if (ctrl && e.key.toLowerCase() === 'p') printNow();
      else if (e.key === 'PageDown' || e.key === 'ArrowRight' || e.key === 'ArrowDown') go(page + 1);
      else if (e.key === 'PageUp' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') go(page - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(count - 1);
      else done = false;
      if (done) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, page, count, onClose]);

  return (
    <>
      <div className="preview-bar" ref={bar} tabIndex={-1} role="toolbar" aria-label="打印预览" data-testid="print-preview">
        <span className="preview-title">打印预览</span>
        <button type="button" onClick={printNow} disabled={!ready} data-testid="preview-print" title="打印（Ctrl+P）">
          打印…
        </button>
        <button type="button" onClick={() => void exportPdf().catch(reportError)} disabled={!ready} data-testid="preview-pdf">
          导出PDF…
        </button>
        <button type="button" onClick={() => go(0)} disabled={page === 0} title="首页（Home）">
          首页
        </button>
        <button type="button" onClick={() => go(page - 1)} disabled={page === 0} data-testid="preview-prev" title="上一页（PageUp）">
          上一页
        </button>
        <span className="preview-page" data-testid="preview-page" aria-live="polite">
          {ready ? `第 ${page + 1} 页，共 ${count} 页` : '正在排版…'}
        </span>
        <button type="button" onClick={() => go(page + 1)} disabled={!ready || page >= count - 1} data-testid="preview-next" title="下一页（PageDown）">
          下一页
        </button>
        <button type="button" onClick={() => go(count - 1)} disabled={!ready || page >= count - 1} title="末页（End）">
          末页
        </button>
        <button type="button" onClick={onClose} style={{ marginLeft: 'auto' }} data-testid="preview-close" title="关闭（Esc）">
          关闭
        </button>
      </div>
      <PrintView page={page} scale={scale} offsetX={offsetX} />
    </>
  );
}

/**
 * Registers file.printPreview and hosts the print view: the preview when it is open, else the
 * view a PDF export prints (see exportPdf).
 */
export function PrintPreviewFeature() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const caret = useRef<BaseSelection | null>(null);

  useCommands(
    {
      'file.printPreview': async () => {
        if (overlayOpen.get()) return;
        const settings = await api.getSettings();
        caret.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
        const ex = settings.export;
        const layout = layoutDocument(readDocument(editor).blocks, { template: 'gbt9704', heading3Bold: ex.heading3Bold, normalizeDates: ex.normalizeDates });
        const job = { layout, fonts: ex.fonts, preview: true };
        printJob.set(job);
        overlayOpen.set(true);
        setOpen(true);
        await whenPrintLaidOut(job);
      },
    },
    [editor],
  );

  const close = useCallback(() => {
    setOpen(false);
    overlayOpen.set(false);
    printJob.set(null);
    const saved = caret.current;
    editor.update(() => {
      if (saved) $setSelection(saved.clone());
    });
    editor.focus();
  }, [editor]);

  if (!open) return <PrintView />;
  return <Preview onClose={close} />;
}
