/** One instance of a helper per editor, made on first use and dropped with the editor. */
import type { LexicalEditor } from 'lexical';

export function onePerEditor<T extends object>(make: (editor: LexicalEditor) => T): (editor: LexicalEditor) => T {
  const instances = new WeakMap<LexicalEditor, T>();
  return (editor) => {
    let instance = instances.get(editor);
    if (!instance) {
      instance = make(editor);
      instances.set(editor, instance);
    }
    return instance;
  };
}
