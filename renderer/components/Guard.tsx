/**
 * An error boundary for the panels around the editor: a bug in the toolbar, a sidebar or a
 * dialog must never unmount the editor and take the user's text with it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { notify } from '../app/dialogs';

export class Guard extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
    notify(`“${this.props.name}”出现错误，已暂时关闭；文档内容不受影响。`, 'error');
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
