/**
 * 工具 → 选项 (tools.options): the settings page. Its 导出 section holds the export settings:
 * the font of each 公文 part (e.g. 仿宋_GB2312 → 仿宋 on PCs without the GB2312 fonts), the
 * author written into Word files, 三级标题加粗, date normalisation and the plain-text defaults.
 * Its 校对 section turns the proofreader and each kind of finding on or off (the same settings as
 * the 校对 panel's own 选项 and the status bar's 校对：开/关).
 */
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FONT_SLOTS, FONT_SLOT_LABELS, FONT_SUGGESTIONS, isValidFontName, type ExportFonts } from '../../shared/export/fonts';
import { CATEGORY_LABELS, PROOF_CATEGORIES, type ProofCategory } from '../../shared/proofread/types';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings, type ProofreadSettings, type Settings } from '../../shared/settings';
import { api } from '../api';
import { reportError, useCommands } from '../app/commands';
import { notify } from '../app/dialogs';
import { createStore, useStore } from '../app/store';
import { FormDialog } from '../components/FormDialog';

const openState = createStore<Pick<Settings, 'export' | 'proofread'> | null>(null);

function SettingsDialog({ initial, onClose, onSaved }: { initial: Pick<Settings, 'export' | 'proofread'>; onClose: () => void; onSaved: (s: Settings) => void }) {
  const [value, setValue] = useState<ExportSettings>(initial.export);
  const [proofread, setProofread] = useState<ProofreadSettings>(initial.proofread);
  const kindOn = (k: ProofCategory) => !proofread.off.includes(k);
  const setKind = (k: ProofCategory, on: boolean) => setProofread((p) => ({ ...p, off: on ? p.off.filter((x) => x !== k) : [...p.off, k] }));
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const invalid = EXPORT_FONT_SLOTS.filter((k) => !isValidFontName(value.fonts[k]));
  const setFont = (k: keyof ExportFonts, v: string) => setValue((s) => ({ ...s, fonts: { ...s.fonts, [k]: v } }));

  const save = async () => {
    if (invalid.length > 0) return;
    setBusy(true);
    try {
      const fonts = Object.fromEntries(EXPORT_FONT_SLOTS.map((k) => [k, value.fonts[k].trim()])) as unknown as ExportFonts;
      onSaved(await api.updateSettings({ export: { ...value, fonts, author: value.author.trim() }, proofread }));
      onClose();
      notify('选项已保存。导出设置下次导出时生效。');
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog id="options" title="选项" testId="options-dialog" onSubmit={() => void save()} onClose={onClose}>
      <fieldset>
        <legend>导出 Word / PDF：字体</legend>
        {EXPORT_FONT_SLOTS.map((k, i) => (
          <label key={k} className="form-row">
            <span>{FONT_SLOT_LABELS[k]}</span>
            <input
              ref={i === 0 ? firstRef : undefined}
              type="text"
              list={`font-list-${k}`}
              value={value.fonts[k]}
              aria-invalid={invalid.includes(k)}
              onChange={(e) => setFont(k, e.target.value)}
              data-testid={`font-${k}`}
              spellCheck={false}
            />
            <datalist id={`font-list-${k}`}>
              {FONT_SUGGESTIONS[k].map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </label>
        ))}
        {invalid.length > 0 && <p className="form-error">字体名称不能为空，也不能含有引号、尖括号、分号等符号。</p>}
        <p className="muted">单位电脑没有“仿宋_GB2312”“楷体_GB2312”时，可改为 Windows 自带的“仿宋”“楷体”。</p>
        <div className="form-row">
          <button type="button" onClick={() => setValue((s) => ({ ...s, fonts: { ...DEFAULT_EXPORT_SETTINGS.fonts } }))} data-testid="fonts-reset">
            恢复默认字体
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>导出 Word / PDF：格式</legend>
        <label className="form-row">
          <span>作者（写入文件属性）</span>
          <input type="text" value={value.author} maxLength={200} onChange={(e) => setValue((s) => ({ ...s, author: e.target.value }))} data-testid="export-author" />
        </label>
        <label className="form-choice">
          <input type="checkbox" checked={value.heading3Bold} onChange={(e) => setValue((s) => ({ ...s, heading3Bold: e.target.checked }))} data-testid="heading3-bold" />
          <span>三级标题（1.）加粗</span>
        </label>
        <label className="form-choice">
          <input type="checkbox" checked={value.normalizeDates} onChange={(e) => setValue((s) => ({ ...s, normalizeDates: e.target.checked }))} data-testid="normalize-dates" />
          <span>把成文日期规范为“2024年3月5日”（阿拉伯数字，月日不补零）</span>
        </label>
      </fieldset>
      <fieldset data-testid="options-proofread">
        <legend>校对</legend>
        <label className="form-choice">
          <input type="checkbox" checked={proofread.enabled} onChange={(e) => setProofread((p) => ({ ...p, enabled: e.target.checked }))} data-testid="proofread-enabled" />
          <span>输入停顿后自动校对（显示校对窗格）</span>
        </label>
        <p className="muted">检查的种类：</p>
        {PROOF_CATEGORIES.map((k) => (
          <label key={k} className="form-choice">
            <input type="checkbox" checked={kindOn(k)} disabled={!proofread.enabled} onChange={(e) => setKind(k, e.target.checked)} data-testid={`proofread-kind-on-${k}`} />
            <span>{CATEGORY_LABELS[k]}</span>
          </label>
        ))}
        {proofread.ignored.length > 0 && (
          <div className="form-row">
            <button type="button" onClick={() => setProofread((p) => ({ ...p, ignored: [] }))} data-testid="proofread-clear-ignored">
              清除“总是忽略”（{proofread.ignored.length}）
            </button>
          </div>
        )}
      </fieldset>
      <div className="modal-buttons">
        <button type="submit" className="primary" disabled={busy || invalid.length > 0} data-testid="options-ok">
          确定
        </button>
        <button type="button" onClick={onClose} data-testid="options-cancel">
          取消
        </button>
      </div>
    </FormDialog>
  );
}

/** Registers tools.options and hosts the settings page; `onSaved` gets the settings as stored. */
export function SettingsFeature({ onSaved }: { onSaved: (s: Settings) => void }) {
  const initial = useStore(openState);
  useCommands(
    {
      'tools.options': async () => {
        const s = await api.getSettings();
        openState.set({ export: s.export, proofread: s.proofread });
      },
    },
    [],
  );
  if (!initial) return null;
  return <SettingsDialog initial={initial} onClose={() => openState.set(null)} onSaved={onSaved} />;
}
