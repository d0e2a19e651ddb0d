/**
 * 工具 → 选项 (tools.options): the settings page. Its 导出 section holds the export settings:
 * the font of each 公文 part (e.g. 仿宋_GB2312 → 仿宋 on PCs without the GB2312 fonts), the
 * author written into Word files, 三级标题加粗, date normalisation and the plain-text defaults.
 */
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FONT_SLOTS, FONT_SLOT_LABELS, FONT_SUGGESTIONS, isValidFontName, type ExportFonts } from '../../shared/export/fonts';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../shared/settings';
import { api } from '../api';
import { reportError, useCommands } from '../app/commands';
import { notify } from '../app/dialogs';
import { createStore, useStore } from '../app/store';
import { FormDialog } from '../components/FormDialog';

const openState = createStore<ExportSettings | null>(null);

function SettingsDialog({ initial, onClose }: { initial: ExportSettings; onClose: () => void }) {
  const [value, setValue] = useState<ExportSettings>(initial);
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
      await api.updateSettings({ export: { ...value, fonts, author: value.author.trim() } });
      onClose();
      notify('选项已保存，下次导出时生效。');
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

/** Registers tools.options and hosts the settings page. */
export function SettingsFeature() {
  const initial = useStore(openState);
  useCommands(
    {
      'tools.options': async () => openState.set((await api.getSettings()).export),
    },
    [],
  );
  if (!initial) return null;
  return <SettingsDialog initial={initial} onClose={() => openState.set(null)} />;
}
