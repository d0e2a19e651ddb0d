/**
 * 页眉页脚与批注: what a Word document holds outside its text, listed read-only beside it (the
 * editor does not lay out pages): each section's headers and footers, named as Word's header and
 * footer view names them (首页页眉, 奇数页页脚…; PAGE fields as {页码}), and the comments with
 * author, date and the text they are on. Clicking a comment selects that text in the document, as
 * clicking a comment in Word's margin does. All of it is kept as it was when the document is saved.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { headerFooterLabel, sectionBreakLabel, type CommentStory, type DocumentStories } from '../../../shared/model/stories';
import { useStore } from '../../app/store';
import { notify } from '../../app/dialogs';
import { $selectAnchor } from './anchors';
import { storiesStore } from './storiesStore';

/** "2016-07-03T15:10:00Z" → "2016年7月3日 15:10" (Word shows the time the comment was written, as given). */
function commentDate(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso) : null;
  if (!m) return '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

function Sections({ stories }: { stories: DocumentStories }) {
  const many = stories.sections.length > 1;
  const shown = stories.sections.map((s, i) => ({ s, i })).filter(({ s, i }) => s.headersFooters.length > 0 || (many && i < stories.sections.length - 1));
  if (shown.length === 0) return null;
  return (
    <section data-testid="stories-headers-footers">
      <h4 className="stories-heading">页眉和页脚</h4>
      {shown.map(({ s, i }) => (
        <div key={i} className="stories-section" data-testid="stories-section">
          {many && <div className="stories-section-name">第 {i + 1} 节</div>}
          {s.headersFooters.length === 0 && <p className="stories-none">本节没有页眉和页脚。</p>}
          <dl>
            {s.headersFooters.map((hf) => (
              <div key={`${hf.kind}/${hf.type}`} className="stories-hf" data-testid="stories-hf" data-kind={hf.kind} data-type={hf.type}>
                <dt>
                  {headerFooterLabel(hf, s, stories.evenAndOdd)}
                  {hf.inherited && <span className="stories-inherited">与上一节相同</span>}
                </dt>
                <dd className="stories-text">{hf.text}</dd>
              </div>
            ))}
          </dl>
          {s.endsAt !== undefined && <div className="stories-break">{sectionBreakLabel(stories, i)}</div>}
        </div>
      ))}
    </section>
  );
}

function Comments({ comments }: { comments: CommentStory[] }) {
  const [editor] = useLexicalComposerContext();
  if (comments.length === 0) return null;
  const go = (c: CommentStory) => {
    if (c.at === undefined) {
      notify('这条批注不在正文中（在页眉、页脚或脚注中），文稿中无法转到它；保存时原样保留。');
      return;
    }
    const at = c.at;
    let key: string | null = null;
    editor.update(() => {
      key = $selectAnchor(at, c.anchorText);
    });
    if (!key) {
      notify('这条批注所在的段落已被删除；保存为 .docx 时批注本身仍保留在文档中。');
      return;
    }
    editor.getElementByKey(key)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  return (
    <section data-testid="stories-comments">
      <h4 className="stories-heading">批注（{comments.length}）</h4>
      <ul>
        {comments.map((c, i) => (
          <li key={`${c.id}/${i}`}>
            <button type="button" className="stories-comment" data-testid="stories-comment" onClick={() => go(c)} title="转到批注所在的文字">
              <span className="stories-comment-head">
                <strong>{c.author || '（无作者）'}</strong>
                <span className="stories-date">{commentDate(c.date)}</span>
              </span>
              {c.anchorText && <span className="stories-anchor">“{c.anchorText}”</span>}
              <span className="stories-text">{c.text || '（空批注）'}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StoriesPane() {
  const { pkg, stories, loading, error } = useStore(storiesStore);
  const empty = stories !== null && stories.comments.length === 0 && stories.sections.every((s) => s.headersFooters.length === 0) && stories.sections.length <= 1;
  return (
    <div className="stories-pane" data-testid="stories-panel" aria-label="页眉页脚与批注">
      <div className="stories-body">
        {!pkg && <p className="pane-empty">此文档不是从 Word 文档（.docx）打开的，没有页眉、页脚或批注。</p>}
        {loading && <p className="pane-empty">正在读取…</p>}
        {error && <p className="pane-empty">{error}</p>}
        {empty && <p className="pane-empty" data-testid="stories-empty">此文档没有页眉、页脚或批注。</p>}
        {stories && !empty && (
          <>
            <p className="stories-note">只读显示；保存时原样保留。</p>
            <Sections stories={stories} />
            <Comments comments={stories.comments} />
          </>
        )}
      </div>
    </div>
  );
}
