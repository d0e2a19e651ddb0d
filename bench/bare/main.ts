// The baseline for the typing benchmark: a bare Lexical editor (rich text, nothing else) on the
// same page-sized sheet, loaded with the same document.
import '../sheet.css';
import { registerRichText } from '@lexical/rich-text';
import { createEditor } from 'lexical';

const editor = createEditor({ namespace: 'bare', onError: (e) => console.error(e) });
editor.setRootElement(document.getElementById('editor'));
registerRichText(editor);
// Editable only now, as Lexical's React ContentEditable does: text typed before Lexical took the
// element would be wiped by it (the startup bench types as soon as the editor is editable).
document.getElementById('editor')!.contentEditable = 'true';
