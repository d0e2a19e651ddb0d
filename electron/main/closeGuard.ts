/**
 * The close handshake as a small state machine. When the document has unsaved changes, a close
 * attempt is held and the renderer is asked (保存 / 不保存 / 取消); the renderer confirms once
 * it has saved or discarded, and only then does the window close.
 */
export class CloseGuard {
  private dirty = false;
  private confirmed = false;

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
  }

  isDirty(): boolean {
    return this.dirty;
  }

  /** Called on the window's 'close' event: 'allow' to let it close, 'ask' to prevent it and ask. */
  onCloseAttempt(): 'allow' | 'ask' {
    if (!this.dirty || this.confirmed) return 'allow';
    return 'ask';
  }

  /** The renderer has dealt with the changes; the next close attempt goes through. */
  confirm(): void {
    this.confirmed = true;
  }
}
