/** The status bar: 字数 (counted like Word's 字数统计), caret position, and room for features. */
import type { ReactNode } from 'react';
import { ask } from '../app/dialogs';
import { useStoreText } from '../app/store';
import { caretStore, wordCountStore } from '../editor/status';

/** Word's 字数统计 dialog: the breakdown behind the figure in the status bar. */
function showWordCountDetails(): void {
  const wc = wordCountStore.get();
  const rows: Array<[string, number]> = [
    ['字数', wc.words],
    ['字符数（不计空格）', wc.charsNoSpaces],
    ['字符数（计空格）', wc.charsWithSpaces],
    ['中文字符和朝鲜语单词', wc.cjk],
    ['非中文单词', wc.nonCjkWords],
  ];
  void ask({
    title: '字数统计',
    message: (
      <table className="stats-table" data-testid="wordcount-details">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v.toLocaleString('zh-CN')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ),
    buttons: [{ id: 'ok', label: '关闭', primary: true }],
  });
}

export function StatusBar({ children }: { children?: ReactNode }) {
  // Both figures change on every keystroke: written to the DOM directly, never re-rendered
  // (a React commit while the caret is in the editor measures the selection across the document).
  const words = useStoreText(wordCountStore, (wc) => `字数：${wc.words}`);
  const position = useStoreText(caretStore, (c) => `第 ${c.paragraph} 段，第 ${c.column} 字${c.selectedChars > 0 ? `（已选 ${c.selectedChars} 字）` : ''}`);
  return (
    <footer className="statusbar" role="status">
      <button type="button" className="status-button" data-testid="status-wordcount" ref={words} title="字数统计（与 Word 相同：每个汉字和中文标点计 1，每个英文单词或数字计 1）" onClick={showWordCountDetails} />
      <span data-testid="status-position" ref={position} />
      <span className="status-spacer" />
      {children}
    </footer>
  );
}
