/**
 * Modal dialogs and notices, promise-based: `await ask(...)` resolves with the id of the
 * button the user chose. One host renders them; Esc cancels, Enter takes the default button.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createStore, useStore } from './store';

export interface DialogButton {
  id: string;
  label: string;
  primary?: boolean;
}

interface AskRequest {
  kind: 'ask';
  id: number;
  title: string;
  message: ReactNode;
  buttons: DialogButton[];
  cancelId: string;
  resolve: (id: string) => void;
}

interface PromptRequest {
  kind: 'prompt';
  id: number;
  title: string;
  label: string;
  value: string;
  placeholder?: string;
  okLabel?: string;
  /** Ready-made answers shown under the field (recent files); choosing one answers at once. */
  choices?: PromptChoice[];
  resolve: (value: string | null) => void;
}

export interface PromptChoice {
  label: string;
  detail?: string;
  value: string;
}

type DialogRequest = AskRequest | PromptRequest;

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'warning' | 'error';
}

const dialogs = createStore<DialogRequest[]>([]);
const notices = createStore<Notice[]>([]);
let nextId = 1;

export function isDialogOpen(): boolean {
  return dialogs.get().length > 0;
}

function remove(id: number) {
  dialogs.set((list) => list.filter((d) => d.id !== id));
}

/** Shows a modal question. Resolves with the chosen button's id (cancelId on Esc). */
export function ask(opts: { title: string; message: ReactNode; buttons: DialogButton[]; cancelId?: string }): Promise<string> {
  return new Promise((resolve) => {
    const id = nextId++;
    const cancelId = opts.cancelId ?? opts.buttons[opts.buttons.length - 1]!.id;
    dialogs.set((list) => [
      ...list,
      { kind: 'ask', id, title: opts.title, message: opts.message, buttons: opts.buttons, cancelId, resolve: (v) => (remove(id), resolve(v)) },
    ]);
  });
}

/** Asks for one line of text; null when cancelled. */
export function prompt(opts: { title: string; label: string; value?: string; placeholder?: string; okLabel?: string; choices?: PromptChoice[] }): Promise<string | null> {
  return new Promise((resolve) => {
    const id = nextId++;
    dialogs.set((list) => [
      ...list,
      {
        kind: 'prompt',
        id,
        title: opts.title,
        label: opts.label,
        value: opts.value ?? '',
        placeholder: opts.placeholder,
        okLabel: opts.okLabel,
        choices: opts.choices,
        resolve: (v) => (remove(id), resolve(v)),
      },
    ]);
  });
}

/** A message in the corner that goes away by itself (errors stay until closed). */
export function notify(text: string, kind: Notice['kind'] = 'info', timeoutMs = kind === 'error' ? 0 : 6000): void {
  const id = nextId++;
  notices.set((list) => [...list, { id, text, kind }]);
  if (timeoutMs > 0) setTimeout(() => dismissNotice(id), timeoutMs);
}

export function dismissNotice(id: number): void {
  notices.set((list) => list.filter((n) => n.id !== id));
}

function AskDialog({ req }: { req: AskRequest }) {
  const primaryRef = useRef<HTMLButtonElement>(null);
  useEffect(() => primaryRef.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`dlg-${req.id}-title`}
        data-testid="dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            req.resolve(req.cancelId);
          }
        }}
      >
        <h2 id={`dlg-${req.id}-title`}>{req.title}</h2>
        <div className="modal-message">{req.message}</div>
        <div className="modal-buttons">
          {req.buttons.map((b) => (
            <button
              key={b.id}
              ref={b.primary ? primaryRef : undefined}
              className={b.primary ? 'primary' : undefined}
              data-testid={`dialog-${b.id}`}
              onClick={() => req.resolve(b.id)}
            >
              {b.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

function PromptDialog({ req }: { req: PromptRequest }) {
  const [value, setValue] = useState(req.value);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`dlg-${req.id}-title`}
        data-testid="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          req.resolve(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            req.resolve(null);
          }
        }}
      >
        <h2 id={`dlg-${req.id}-title`}>{req.title}</h2>
        <label className="modal-field">
          <span>{req.label}</span>
          <input ref={inputRef} data-testid="dialog-input" value={value} placeholder={req.placeholder} onChange={(e) => setValue(e.target.value)} />
        </label>
        {req.choices && req.choices.length > 0 && (
          <ul className="modal-choices" aria-label="最近打开">
            {req.choices.map((c) => (
              <li key={c.value}>
                <button type="button" data-testid="dialog-choice" title={c.value} onClick={() => req.resolve(c.value)}>
                  <span>{c.label}</span>
                  {c.detail && <span className="muted">{c.detail}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="modal-buttons">
          <button type="submit" className="primary" data-testid="dialog-ok">
            {req.okLabel ?? '确定'}
          </button>
          <button type="button" data-testid="dialog-cancel" onClick={() => req.resolve(null)}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}

export function DialogHost() {
  const list = useStore(dialogs);
  const items = useStore(notices);
  const top = list[0];
  return (
    <>
      {top?.kind === 'ask' && <AskDialog key={top.id} req={top} />}
      {top?.kind === 'prompt' && <PromptDialog key={top.id} req={top} />}
      <div className="notices" aria-live="polite">
        {items.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} data-testid="notice" role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
            <button aria-label="关闭" title="关闭" onClick={() => dismissNotice(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </>
  );
}
