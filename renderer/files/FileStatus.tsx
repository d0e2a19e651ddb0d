/**
 * The status bar's file item: the format, and for text files the encoding and line endings, with
 * the 重新以…编码打开 menu, and a note when the file's very long lines are shown as several
 * paragraphs. Changes only when a file is opened or saved.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState } from 'react';
import { ENCODING_LABELS, TEXT_ENCODINGS } from '../../shared/text/encodings';
import { useStore } from '../app/store';
import { reopenWithEncoding } from './fileActions';
import { fileStore } from './fileState';

const LINE_ENDINGS: Record<string, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

export function FileStatus() {
  const [editor] = useLexicalComposerContext();
  const { source } = useStore(fileStore);
  const [menuOpen, setMenuOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', close, true);
    };
  }, [menuOpen]);

  if (!source) return null;
  if (source.format !== 'txt' || !source.text) {
    return <span data-testid="status-file">{source.format === 'docx' ? 'Word 文档' : '文稿文档'}</span>;
  }
  const { encoding, bom, lineEnding, longLines } = source.text;
  return (
    <span className="status-file" ref={ref}>
      {longLines ? (
        <span data-testid="status-long-lines" title={`文件中有 ${longLines} 行过长，为保证输入流畅，已在句末分段显示；保存为文本文件时仍合并为原来的行（您按回车新起的段落除外）。`}>
          长行已分段
        </span>
      ) : null}
      <button
        type="button"
        className="status-button"
        data-testid="status-file"
        title="文本文件的编码。如显示乱码，可选择其他编码重新打开"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
      >
        {ENCODING_LABELS[encoding]}
        {bom ? ' BOM' : ''} · {LINE_ENDINGS[lineEnding]}
      </button>
      {menuOpen && (
        <ul className="encoding-menu" role="menu" aria-label="重新以…编码打开">
          <li className="menu-title">重新以…编码打开</li>
          {TEXT_ENCODINGS.map((enc) => (
            <li key={enc} role="none">
              <button
                type="button"
                role="menuitem"
                data-testid={`reopen-${enc}`}
                onClick={() => {
                  setMenuOpen(false);
                  void reopenWithEncoding(editor, enc);
                }}
              >
                {ENCODING_LABELS[enc]}
                {enc === encoding ? '（当前）' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
