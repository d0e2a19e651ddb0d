/** The formatting toolbar: 段落样式, 加粗/倾斜/下划线, alignment, 首行缩进, 撤销/重做. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ReactNode } from 'react';
import { SHORTCUTS, shortcutLabel, type AppCommand } from '../../shared/commands';
import type { ParagraphRole } from '../../shared/model/document';
import { ROLE_GROUPS, ROLE_LABELS } from '../../shared/model/paragraphStyles';
import { partsViewStore, type PartsView } from '../editor/outline/outlineStore';
import { runCommand } from '../app/commands';
import { useStore } from '../app/store';
import { setParagraphRole } from '../editor/formatting';
import { historyStore, selectionStore } from '../editor/status';

function tip(label: string, cmd: AppCommand): string {
  const s = SHORTCUTS[cmd]?.[0];
  return s ? `${label} (${shortcutLabel(s)})` : label;
}

function ToolButton(props: { label: string; cmd: AppCommand; active?: boolean; disabled?: boolean; testId?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={props.active ? 'tool active' : 'tool'}
      title={tip(props.label, props.cmd)}
      aria-label={props.label}
      aria-pressed={props.active}
      disabled={props.disabled}
      data-testid={props.testId}
      // Keep the caret in the document.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => void runCommand(props.cmd)}
    >
      {props.children}
    </button>
  );
}

const AlignIcon = ({ lines }: { lines: Array<[number, number]> }) => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
    {lines.map(([x, w], i) => (
      <rect key={i} x={x} y={2 + i * 3.5} width={w} height="1.6" fill="currentColor" />
    ))}
  </svg>
);

/** The 自动 option names the part the anatomy found for the caret's paragraph: "标题（自动）". */
function autoLabel(parts: PartsView, key: string | null): string {
  const part = (key && parts.parts.get(key)) || 'body';
  return `${ROLE_LABELS[part]}（自动）`;
}

export function Toolbar({ extra }: { extra?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const sel = useStore(selectionStore);
  const history = useStore(historyStore);
  const parts = useStore(partsViewStore);
  return (
    <div className="toolbar" role="toolbar" aria-label="格式" data-testid="toolbar">
      <ToolButton label="撤销" cmd="edit.undo" disabled={!history.canUndo} testId="tool-undo">
        ↶
      </ToolButton>
      <ToolButton label="重做" cmd="edit.redo" disabled={!history.canRedo} testId="tool-redo">
        ↷
      </ToolButton>
      <span className="tool-sep" />
      <select
        className="role-select"
        aria-label="段落样式"
        title="段落样式（Ctrl+Alt+1…4 设为一至四级标题，Ctrl+Shift+N 设为正文）"
        data-testid="role-select"
        value={sel.role ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          setParagraphRole(editor, v === '' ? null : (v as ParagraphRole));
          editor.focus();
        }}
      >
        <option value="" title="按内容和位置识别（版头、标题、主送、各级标题、署名、日期、版记…）">
          {autoLabel(parts, sel.blockKey)}
        </option>
        {ROLE_GROUPS.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ToolButton label="标题升级（连同下级标题）" cmd="outline.promote" testId="tool-promote">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2 8 L7 3.5 V6.5 H14 V9.5 H7 V12.5 Z" fill="currentColor" />
        </svg>
      </ToolButton>
      <ToolButton label="标题降级（连同下级标题）" cmd="outline.demote" testId="tool-demote">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M14 8 L9 3.5 V6.5 H2 V9.5 H9 V12.5 Z" fill="currentColor" />
        </svg>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="加粗" cmd="format.bold" active={sel.bold} testId="tool-bold">
        <b>B</b>
      </ToolButton>
      <ToolButton label="倾斜" cmd="format.italic" active={sel.italic} testId="tool-italic">
        <i>I</i>
      </ToolButton>
      <ToolButton label="下划线" cmd="format.underline" active={sel.underline} testId="tool-underline">
        <u>U</u>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="左对齐" cmd="format.align.left" active={sel.align === 'left'} testId="tool-align-left">
        <AlignIcon lines={[[1, 14], [1, 9], [1, 14], [1, 9]]} />
      </ToolButton>
      <ToolButton label="居中" cmd="format.align.center" active={sel.align === 'center'} testId="tool-align-center">
        <AlignIcon lines={[[1, 14], [3.5, 9], [1, 14], [3.5, 9]]} />
      </ToolButton>
      <ToolButton label="右对齐" cmd="format.align.right" active={sel.align === 'right'} testId="tool-align-right">
        <AlignIcon lines={[[1, 14], [6, 9], [1, 14], [6, 9]]} />
      </ToolButton>
      <ToolButton label="两端对齐" cmd="format.align.justify" active={sel.align === 'justify'} testId="tool-align-justify">
        <AlignIcon lines={[[1, 14], [1, 14], [1, 14], [1, 9]]} />
      </ToolButton>
      <ToolButton label="首行缩进 2 字符" cmd="format.firstLineIndent" active={sel.firstLineIndent} testId="tool-indent">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="6" y="2" width="9" height="1.6" fill="currentColor" />
          <rect x="1" y="5.5" width="14" height="1.6" fill="currentColor" />
          <rect x="1" y="9" width="14" height="1.6" fill="currentColor" />
          <rect x="1" y="12.5" width="10" height="1.6" fill="currentColor" />
          <path d="M1 1.5 L4 2.8 L1 4.1 Z" fill="currentColor" />
        </svg>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="新建（选择文种模板）" cmd="file.newFromTemplate" testId="tool-new-template">
        <span className="tool-text">新建</span>
      </ToolButton>
      <ToolButton label="导出（Word、PDF、纯文本）" cmd="file.export" testId="tool-export">
        <span className="tool-text">导出</span>
      </ToolButton>
      <ToolButton label="打印预览和打印（Ctrl+P）" cmd="file.printPreview" testId="tool-print-preview">
        <span className="tool-text">打印预览</span>
      </ToolButton>
      {extra}
    </div>
  );
}
