/**
 * 文件 → 新建…: a blank document or one of the 文种 templates (shared/templates, the ones
 * `wengao new` writes). The new document is untitled and unsaved (saving asks where); its first
 * ×× field is selected, and F11 / Shift+F11 go to the next / previous field.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState } from 'react';
import { DOCUMENT_TEMPLATES, documentFromTemplate } from '../../shared/templates/templates';
import { useCommands } from '../app/commands';
import { notify } from '../app/dialogs';
import { createStore, useStore } from '../app/store';
import { FormDialog } from '../components/FormDialog';
import { selectField } from '../editor/fields';
import { newDocument, newDocumentFrom } from './fileActions';

const open = createStore(false);
const BLANK = 'blank';

function TemplateDialog({ onClose }: { onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [choice, setChoice] = useState<string>(BLANK);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    onClose();
    const t = DOCUMENT_TEMPLATES.find((x) => x.id === choice);
    if (!t) return void (await newDocument(editor));
    if (!(await newDocumentFrom(editor, documentFromTemplate(t)))) return;
    selectField(editor, 1, true);
    editor.focus();
    notify(`已按“${t.name}”模板新建。按 F11 到下一个 ×× 处填写（Shift+F11 到上一个）。`);
  };

  const options = [{ id: BLANK, name: '空白文档', hint: '不带任何内容' }, ...DOCUMENT_TEMPLATES];
  return (
    <FormDialog id="new-from-template" title="新建" testId="new-dialog" onSubmit={() => void submit()} onClose={onClose}>
      <fieldset>
        <legend>文种</legend>
        {options.map((t, i) => (
          <label key={t.id} className="form-choice" title={t.hint}>
            <input ref={i === 0 ? first : undefined} type="radio" name="new-template" value={t.id} checked={choice === t.id} onChange={() => setChoice(t.id)} data-testid={`new-${t.id}`} />
            <span>{t.name}</span>
          </label>
        ))}
        <p className="muted">{options.find((t) => t.id === choice)!.hint}</p>
      </fieldset>
      <div className="modal-buttons">
        <button type="button" onClick={onClose} data-testid="new-cancel">
          取消
        </button>
        <button type="submit" className="primary" data-testid="new-ok">
          新建
        </button>
      </div>
    </FormDialog>
  );
}

/** Registers file.newFromTemplate and the field keys (edit.nextField / edit.previousField). */
export function NewFromTemplateFeature() {
  const [editor] = useLexicalComposerContext();
  const shown = useStore(open);
  useCommands(
    {
      'file.newFromTemplate': () => open.set(true),
      'edit.nextField': () => selectField(editor, 1) || notify('文档中没有需要填写的 ×× 处。'),
      'edit.previousField': () => selectField(editor, -1) || notify('文档中没有需要填写的 ×× 处。'),
    },
    [editor],
  );
  if (!shown) return null;
  return <TemplateDialog onClose={() => open.set(false)} />;
}
