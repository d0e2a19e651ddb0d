/** Update tags shared by editor features (kept apart from Editor.tsx so plain modules can import them). */

/** Updates with this tag replace the whole document: not an edit, not undoable. */
export const LOAD_TAG = 'wengao-load';
