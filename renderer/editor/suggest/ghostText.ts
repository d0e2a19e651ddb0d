/**
 * Ghost text as a DOM-only decoration: the suggestion is written into a data attribute of the
 * caret's paragraph element and drawn by CSS (`::after`), grey, after the last character,
 * wrapping like the paragraph's own text. It is never a Lexical node, never in the editor
 * state or the undo history, and never part of the paragraph's text (innerText, copy, save).
 * A visually hidden live element (data-testid="suggestion-ghost") carries the same text for
 * screen readers and tests.
 */
import { renderSlots } from '../../../shared/corpus/slots';

export const GHOST_ATTRIBUTE = 'data-ghost';

export class GhostText {
  private host: HTMLElement | null = null;
  private readonly live: HTMLElement;

  constructor() {
    this.live = document.createElement('div');
    this.live.className = 'suggestion-ghost-live';
    this.live.dataset.testid = 'suggestion-ghost';
    this.live.setAttribute('role', 'status');
    this.live.hidden = true;
    document.body.appendChild(this.live);
  }

  /** Shows `text` (slots as ××) at the end of `paragraph`. */
  show(paragraph: HTMLElement, text: string): void {
    const shown = renderSlots(text).text;
    if (this.host && this.host !== paragraph) this.host.removeAttribute(GHOST_ATTRIBUTE);
    this.host = paragraph;
    if (paragraph.getAttribute(GHOST_ATTRIBUTE) !== shown) paragraph.setAttribute(GHOST_ATTRIBUTE, shown);
    this.live.textContent = shown;
    this.live.hidden = false;
    this.live.setAttribute('aria-label', `输入提示：${shown}（按 Tab 接受，Esc 忽略）`);
  }

  hide(): void {
    this.host?.removeAttribute(GHOST_ATTRIBUTE);
    this.host = null;
    if (!this.live.hidden) {
      this.live.hidden = true;
      this.live.textContent = '';
    }
  }

  get visible(): boolean {
    return this.host !== null;
  }

  dispose(): void {
    this.hide();
    this.live.remove();
  }
}
