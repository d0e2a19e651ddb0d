/**
 * Ghost text as a DOM-only decoration, never a Lexical node, never in the editor state or the
 * undo history, and never part of the paragraph's text (innerText, copy, save).
 *
 * - At the end of a paragraph the suggestion is written into a data attribute of the caret's
 *   paragraph element and drawn by CSS (`::after`), grey, after the last character, wrapping
 *   like the paragraph's own text. A visually hidden live element (data-testid="suggestion-ghost")
 *   carries the same text for screen readers and tests.
 * - In the middle of a paragraph ghost text cannot sit between characters (it would push the
 *   rest of the line along), so that same element becomes visible as a compact candidate
 *   positioned just under the caret, like an IME's candidate window, over the page.
 */
import { renderSlots } from '../../../shared/corpus/slots';

export const GHOST_ATTRIBUTE = 'data-ghost';

/** Where the caret is, in viewport coordinates. */
export interface CaretBox {
  left: number;
  top: number;
  bottom: number;
}

export class GhostText {
  private host: HTMLElement | null = null;
  private atCaret = false;
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
    this.leaveCaret();
    if (this.host && this.host !== paragraph) this.host.removeAttribute(GHOST_ATTRIBUTE);
    this.host = paragraph;
    if (paragraph.getAttribute(GHOST_ATTRIBUTE) !== shown) paragraph.setAttribute(GHOST_ATTRIBUTE, shown);
    this.announce(shown);
  }

  /** Shows `text` (slots as ××) as a compact candidate under the caret at `caret`. */
  showAtCaret(caret: CaretBox, text: string): void {
    const shown = renderSlots(text).text;
    this.host?.removeAttribute(GHOST_ATTRIBUTE);
    this.host = null;
    this.atCaret = true;
    this.live.classList.add('suggestion-ghost-caret');
    this.live.style.left = `${Math.round(caret.left)}px`;
    this.live.style.top = `${Math.round(caret.bottom + 2)}px`;
    this.announce(shown);
  }

  private announce(shown: string): void {
    if (this.live.textContent !== shown) this.live.textContent = shown;
    this.live.hidden = false;
    this.live.setAttribute('aria-label', `输入提示：${shown}（按 Tab 接受，Esc 忽略）`);
  }

  private leaveCaret(): void {
    if (!this.atCaret) return;
    this.atCaret = false;
    this.live.classList.remove('suggestion-ghost-caret');
    this.live.style.left = '';
    this.live.style.top = '';
  }

  hide(): void {
    this.host?.removeAttribute(GHOST_ATTRIBUTE);
    this.host = null;
    this.leaveCaret();
    if (!this.live.hidden) {
      this.live.hidden = true;
      this.live.textContent = '';
    }
  }

  get visible(): boolean {
    return this.host !== null || this.atCaret;
  }

  dispose(): void {
    this.hide();
    this.live.remove();
  }
}
