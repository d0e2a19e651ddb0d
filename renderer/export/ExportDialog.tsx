/**
 * 文件 → 导出 (file.export): Word in the 公文 (GB/T 9704-2012) or 通用 template, PDF in the 公文
 * layout, or plain text (UTF-8 / GB18030, CRLF). The dialog remembers the last choice in the
 * settings; fonts, author and the other export options live in 工具 → 选项.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import type { WgDocument } from '../../shared/model/document';
import { layoutDocument } from '../../shared/export/layout';
import type { DocumentFormat } from '../../shared/model/parts';
import type { ExportSettings, Settings, TextEncodingName } from '../../shared/settings';
import { api } from '../api';
import { reportError, runCommand, useCommands } from '../app/commands';
import { ask, notify } from '../app/dialogs';
import { session } from '../app/session';
import { createStore, useStore } from '../app/store';
import { FormDialog } from '../components/FormDialog';
import { readDocument } from '../editor/Editor';
import { printJob, whenPrintLaidOut } from './PrintView';
import { basename, dirname, isAbsolutePath, joinPath, withExtension } from '../files/paths';

export type ExportChoice = 'docx-gbt9704' | 'docx-plain' | 'pdf' | 'txt';

const CHOICES: Array<{ id: ExportChoice; label: string; hint: string }> = [
  { id: 'docx-gbt9704', label: 'Word 文档（公文格式）', hint: '按 GB/T 9704-2012：A4、每页 22 行每行 28 字，小标宋标题、仿宋正文、黑体/楷体标题，页码“— 1 —”单页居右双页居左' },
  { id: 'docx-plain', label: 'Word 文档（通用格式）', hint: '保留段落的对齐和缩进，标题为 Word 标题样式，正文宋体小四' },
  { id: 'pdf', label: 'PDF（公文格式）', hint: '版式与公文格式的 Word 文档相同' },
  { id: 'txt', label: '纯文本（.txt）', hint: '只保留文字；段首缩进写为两个全角空格' },
];

const EXTENSION: Record<ExportChoice, 'docx' | 'pdf' | 'txt'> = { 'docx-gbt9704': 'docx', 'docx-plain': 'docx', pdf: 'pdf', txt: 'txt' };

interface DialogState {
  info: AppInfo;
  settings: Settings;
}

const dialogState = createStore<DialogState | null>(null);

/** The suggested target: next to the open file, else in 文档, named after the document. */
export function defaultExportPath(docPath: string | null, name: string, documentsDir: string, ext: string): string {
  if (docPath) return joinPath(dirname(docPath), withExtension(basename(docPath), `.${ext}`));
  const base = name.replace(/\.(docx|txt|wgd|pdf)$/i, '').replace(/[\\/:*?"<>|]/g, '_') || '文稿';
  return joinPath(documentsDir, `${base}.${ext}`);
}

/** The target with the chosen format's extension: an export extension is replaced, any other kept ("报告.2024"). */
function withExportExtension(p: string, ext: string): string {
  return /\.(docx|pdf|txt)$/i.test(p) ? withExtension(p, `.${ext}`) : `${p}.${ext}`;
}

/**
 * Prints the document's print view to PDF: Electron writes it to `path` (printToPDF); a browser
 * opens its print dialog (另存为 PDF) and the view stays until the dialog closes (afterprint).
 */
export async function exportPdf(doc: WgDocument, options: ExportSettings, shell: AppInfo['shell'], path: string, documentFormat?: DocumentFormat): Promise<boolean> {
  const layout = layoutDocument(doc.blocks, { template: 'gbt9704', heading3Bold: options.heading3Bold, normalizeDates: options.normalizeDates, ...(documentFormat ? { format: documentFormat } : {}) });
  const job = { layout, fonts: options.fonts };
  printJob.set(job);
  // Laid out in pages first: the 版记's place and the unnumbered pages (7.5) come from them.
  await whenPrintLaidOut(job);
  if (shell === 'electron') {
    try {
      await api.exportPdf({ path });
      return true;
    } finally {
      printJob.set(null);
    }
  }
  window.addEventListener('afterprint', () => printJob.set(null), { once: true });
  window.print();
  return false;
}

function ExportDialog({ state, onClose }: { state: DialogState; onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const ex = state.settings.export;
  const [choice, setChoice] = useState<ExportChoice>(ex.template === 'plain' ? 'docx-plain' : 'docx-gbt9704');
  const [encoding, setEncoding] = useState<TextEncodingName>(ex.textEncoding);
  const [crlf, setCrlf] = useState(ex.textCrlf);
  const [layoutFormat, setLayoutFormat] = useState<DocumentFormat | 'auto'>('auto');
  const { path: docPath, name } = session.get();
  const [target, setTarget] = useState(() => defaultExportPath(docPath, name, state.info.documentsDir, 'docx'));
  const [busy, setBusy] = useState(false);
  const web = state.info.shell === 'web';
  const ext = EXTENSION[choice];
  const needsPath = !(web && choice === 'pdf');
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const pick = (c: ExportChoice) => {
    setChoice(c);
    setTarget((t) => withExportExtension(t, EXTENSION[c]));
  };

  const browse = async () => {
    const p = await api.chooseExportPath({ defaultPath: withExportExtension(target, ext), format: ext }).catch((e: unknown) => (reportError(e), null));
    if (p) setTarget(p);
  };

  const submit = async () => {
    const path = withExportExtension(target.trim(), ext);
    if (needsPath && !isAbsolutePath(path)) {
      notify('请填写完整的保存位置（例如 C:\\Users\\…\\文档\\报告.docx）。', 'warning');
      return;
    }
    if (needsPath && docPath && path.toLowerCase() === docPath.toLowerCase()) {
      const go = await ask({
        title: '导出',
        message: `“${name}”是当前打开的文件，导出会用导出的内容覆盖它。是否继续？`,
        buttons: [
          { id: 'go', label: '覆盖' },
          { id: 'cancel', label: '取消', primary: true },
        ],
        cancelId: 'cancel',
      });
      if (go !== 'go') return;
    }
    setBusy(true);
    try {
      const template = choice === 'docx-plain' ? 'plain' : 'gbt9704';
      const remembered: ExportSettings = { ...ex, template: choice.startsWith('docx') ? template : ex.template, textEncoding: encoding, textCrlf: crlf };
      const settings = await api.updateSettings({ export: remembered });
      const doc = readDocument(editor);
      onClose();
      if (choice === 'pdf') {
        if (await exportPdf(doc, settings.export, state.info.shell, path, layoutFormat === 'auto' ? undefined : layoutFormat)) notify(`已导出 PDF：${path}`);
        return;
      }
      await api.exportDocument(doc, { path, format: ext === 'txt' ? 'txt' : 'docx', ...(ext === 'docx' ? { template } : {}), ...(layoutFormat !== 'auto' ? { documentFormat: layoutFormat } : {}) });
      notify(`已导出：${path}`);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog id="export" title="导出" testId="export-dialog" onSubmit={() => void submit()} onClose={onClose}>
      <fieldset>
        <legend>格式</legend>
        {CHOICES.map((c, i) => (
          <label key={c.id} className="form-choice" title={c.hint}>
            <input ref={i === 0 ? firstRef : undefined} type="radio" name="export-format" value={c.id} checked={choice === c.id} onChange={() => pick(c.id)} data-testid={`export-${c.id}`} />
            <span>{c.label}</span>
          </label>
        ))}
        <p className="muted">{CHOICES.find((c) => c.id === choice)!.hint}</p>
      </fieldset>
      {(choice === 'docx-gbt9704' || choice === 'pdf') && (
        <label className="form-row" title="GB/T 9704 第10章的特定格式：信函（函）、命令（令）、纪要">
          <span>公文格式</span>
          <select value={layoutFormat} onChange={(e) => setLayoutFormat(e.target.value as DocumentFormat | 'auto')} data-testid="export-document-format">
            <option value="auto">按发文机关标志（自动）</option>
            <option value="document">文件格式</option>
            <option value="letter">信函格式</option>
            <option value="order">命令（令）格式</option>
            <option value="minutes">纪要格式</option>
          </select>
        </label>
      )}
      {choice === 'txt' && (
        <fieldset>
          <legend>纯文本</legend>
          <label className="form-row">
            <span>编码</span>
            <select value={encoding} onChange={(e) => setEncoding(e.target.value as TextEncodingName)} data-testid="export-encoding">
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">GB18030（兼容 GBK，旧版记事本和 WPS 都能打开）</option>
            </select>
          </label>
          <label className="form-choice">
            <input type="checkbox" checked={crlf} onChange={(e) => setCrlf(e.target.checked)} data-testid="export-crlf" />
            <span>Windows 换行（CRLF）</span>
          </label>
        </fieldset>
      )}
      {needsPath ? (
        <label className="form-row">
          <span>保存位置</span>
          <input type="text" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="export-path" spellCheck={false} />
          {!web && (
            <button type="button" onClick={() => void browse()}>
              浏览…
            </button>
          )}
        </label>
      ) : (
        <p className="muted">将打开浏览器的打印对话框：请在“目标打印机”中选择“另存为 PDF”，并关闭“页眉和页脚”。</p>
      )}
      <div className="modal-buttons">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onClose();
            void runCommand('tools.options');
          }}
        >
          字体和格式设置…
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="export-ok">
          导出
        </button>
        <button type="button" onClick={onClose} data-testid="export-cancel">
          取消
        </button>
      </div>
    </FormDialog>
  );
}

/** Registers file.export and hosts its dialog. */
export function ExportFeature() {
  const state = useStore(dialogState);
  useCommands(
    {
      'file.export': async () => {
        const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
        dialogState.set({ info, settings });
      },
    },
    [],
  );
  if (!state) return null;
  return <ExportDialog state={state} onClose={() => dialogState.set(null)} />;
}
