/**
 * 页眉页脚与批注: what a Word document holds outside its text, listed read-only beside it (the
 * editor does not lay out pages): each section's headers and footers, named as Word's header and
 * footer view names them (首页页眉, 奇数页页脚…; PAGE fields as {页码}), and the comments with
 * author, date and the text they are on, replies under the comment they answer (回复) and done
 * ones marked 已解决. Clicking a comment selects that text in the document, as clicking a comment
 * in Word's margin does; one on a header's, footer's or note's text says where it lives instead.
 * All of it is kept as it was when the document is saved.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { commentPlaceName, headerFooterLabel, sectionBreakLabel, type CommentStory, type DocumentStories } from '../../../shared/model/stories';
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

/** A comment with the replies to it (Word's thread: a reply to a reply belongs to the first comment's thread). */
interface Thread {
  comment: CommentStory;
  replies: CommentStory[];
}

function threadsOf(comments: CommentStory[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  /** The first comment of c's thread; c itself when its parents go round in a circle (a damaged file). */
  const rootOf = (c: CommentStory): CommentStory => {
    const seen = new Set<string>([c.id]);
    let r = c;
    for (;;) {
      const parent = r.parentId !== undefined ? byId.get(r.parentId) : undefined;
      if (!parent) return r;
      if (seen.has(parent.id)) return c;
      seen.add(parent.id);
      r = parent;
    }
  };
  const threads = new Map<CommentStory, Thread>();
  for (const c of comments) {
    const root = rootOf(c);
    let t = threads.get(root);
    if (!t) threads.set(root, (t = { comment: root, replies: [] }));
    if (root !== c) t.replies.push(c);
  }
  return [...threads.values()];
}

function CommentHead({ c, reply }: { c: CommentStory; reply?: boolean }) {
  return (
    <span className="stories-comment-head">
      {reply && <span className="stories-reply-mark">回复</span>}
      <strong>{c.author || '（无作者）'}</strong>
      <span className="stories-date">{commentDate(c.date)}</span>
      {c.done && <span className="stories-done">已解决</span>}
      {c.place && <span className="stories-place">位于{commentPlaceName(c.place)}</span>}
    </span>
  );
}

function Comments({ comments }: { comments: CommentStory[] }) {
  const [editor] = useLexicalComposerContext();
  if (comments.length === 0) return null;
  const go = (c: CommentStory, thread: CommentStory) => {
    const at = c.at ?? thread.at;
    if (at === undefined) {
      notify('这条批注不在正文中，文稿中无法转到它；保存时原样保留。');
      return;
    }
    let key: string | null = null;
    editor.update(() => {
      key = $selectAnchor(at, c.at !== undefined ? c.anchorText : thread.anchorText);
    });
    if (!key) {
      notify('这条批注所在的段落已被删除；保存为 .docx 时批注本身仍保留在文档中。');
      return;
    }
    editor.getElementByKey(key)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  /** One comment: a button that goes to its text, or (its marks in a header, footer or note) where it lives. */
  const item = (c: CommentStory, thread: CommentStory, reply: boolean) => {
    const className = `stories-comment${c.done ? ' stories-comment-done' : ''}`;
    const testid = reply ? 'stories-reply' : 'stories-comment';
    const content = (
      <>
        <CommentHead c={c} reply={reply} />
        {!reply && c.anchorText && <span className="stories-anchor">“{c.anchorText}”</span>}
        <span className="stories-text">{c.text || '（空批注）'}</span>
      </>
    );
    const place = c.place ?? (reply && c.at === undefined ? thread.place : undefined);
    if (place) {
      return (
        <div className={className} data-testid={testid} title={`批注位于${commentPlaceName(place)}中，文稿不显示${commentPlaceName(place)}；保存时原样保留`}>
          {content}
        </div>
      );
    }
    return (
      <button type="button" className={className} data-testid={testid} onClick={() => go(c, thread)} title="转到批注所在的文字">
        {content}
      </button>
    );
  };
  return (
    <section data-testid="stories-comments">
      <h4 className="stories-heading">批注（{comments.length}）</h4>
      <ul>
        {threadsOf(comments).map(({ comment, replies }, i) => (
          <li key={`${comment.id}/${i}`}>
            {item(comment, comment, false)}
            {replies.length > 0 && (
              <ul className="stories-replies">
                {replies.map((r, j) => (
                  <li key={`${r.id}/${j}`}>{item(r, comment, true)}</li>
                ))}
              </ul>
            )}
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
