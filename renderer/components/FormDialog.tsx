/** A modal form (export, 选项): submit on Enter, close on Esc, labelled by its title. */
import type { ReactNode } from 'react';

export function FormDialog(props: { id: string; title: string; testId: string; onSubmit: () => void; onClose: () => void; children: ReactNode }) {
  return (
    <div className="modal-backdrop">
      <form
        className="modal form-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${props.id}-title`}
        data-testid={props.testId}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
      >
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.children}
      </form>
    </div>
  );
}
