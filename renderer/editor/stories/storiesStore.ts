/**
 * The open document's headers, footers, sections and comments (model/stories.ts), read by the
 * services from its source .docx whenever the package changes (a .docx or a .wgd opened, a
 * backup restored). The 页眉页脚与批注 panel lists them; the section break marks come from them.
 */
import type { DocumentStories } from '../../../shared/model/stories';
import { api } from '../../api';
import { createStore } from '../../app/store';
import { fileStore } from '../../files/fileState';

export interface StoriesState {
  /** The package they were read from; null for a document that did not come from a .docx. */
  pkg: string | null;
  stories: DocumentStories | null;
  loading: boolean;
  /** Why they could not be read (Chinese). */
  error: string | null;
}

export const storiesStore = createStore<StoriesState>({ pkg: null, stories: null, loading: false, error: null });

let following = false;

/** Keeps storiesStore in step with the open document's package. */
export function followSourceStories(): void {
  if (following) return;
  following = true;
  const load = () => {
    const pkg = fileStore.get().source?.package ?? null;
    if (pkg === storiesStore.get().pkg) return;
    storiesStore.set({ pkg, stories: null, loading: pkg !== null, error: null });
    if (!pkg) return;
    api.getSourceStories({ package: pkg }).then(
      (stories) => {
        if (storiesStore.get().pkg === pkg) storiesStore.set({ pkg, stories, loading: false, error: stories ? null : '原 Word 文档已不在文稿的保存区中，无法列出其页眉页脚与批注。' });
      },
      (e: unknown) => {
        if (storiesStore.get().pkg === pkg) storiesStore.set({ pkg, stories: null, loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
  };
  fileStore.subscribe(load);
  load();
}
